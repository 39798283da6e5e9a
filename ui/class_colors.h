#pragma once

#include <QColor>

namespace deeppacket::ui {

// A distinct, readable colour for class i (a fixed qualitative palette, then hues).
QColor classColor(std::size_t index);

}  // namespace deeppacket::ui
