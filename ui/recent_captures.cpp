#include "ui/recent_captures.h"

#include <QFileInfo>
#include <QSettings>

namespace deeppacket::ui {
namespace {

constexpr int kRecentLength = 10;
const char* const kKey = "captures/recent";

}  // namespace

QStringList recentCaptures() {
    return QSettings().value(kKey).toStringList();
}

void rememberCaptures(const QStringList& paths) {
    QStringList recent = recentCaptures();
    for (auto it = paths.rbegin(); it != paths.rend(); ++it) {
        const QFileInfo info(*it);
        if (!info.exists()) {
            continue;
        }
        const QString path = info.absoluteFilePath();
        recent.removeAll(path);
        recent.prepend(path);
    }
    QSettings().setValue(kKey, recent.mid(0, kRecentLength));
}

void forgetRecentCaptures() {
    QSettings().remove(kKey);
}

}  // namespace deeppacket::ui
