#include "ui/dropped_files.h"

#include <QMimeData>
#include <QUrl>

namespace deeppacket::ui {

QStringList droppedFiles(const QMimeData* mime) {
    QStringList files;
    if (mime != nullptr && mime->hasUrls()) {
        for (const QUrl& url : mime->urls()) {
            if (url.isLocalFile()) {
                files << url.toLocalFile();
            }
        }
    }
    return files;
}

}  // namespace deeppacket::ui
