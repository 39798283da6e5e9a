#pragma once

#include <QStringList>

class QMimeData;

namespace deeppacket::ui {

// The local files and folders of a drag-and-drop (empty when it carries none).
QStringList droppedFiles(const QMimeData* mime);

}  // namespace deeppacket::ui
