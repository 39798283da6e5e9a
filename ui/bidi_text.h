#pragma once

#include <QString>
#include <QStringList>

namespace deeppacket::ui {

// Text that reads left to right whatever surrounds it (a path, a file name, an English message
// from the engine), isolated so that a right-to-left layout (Persian) neither reorders its
// parts nor is reordered by it: "/data/a.pcap: no such file" stays so, not "no such file
// :a.pcap/data/".
inline QString isolatedLtr(const QString& text) {
    return QChar(0x2066) + text +
           QChar(0x2069);  // LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE
}

// Each line isolated, for messages of several lines (one per file).
inline QString isolatedLines(const QString& text) {
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines) {
        line = isolatedLtr(line);
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace deeppacket::ui
