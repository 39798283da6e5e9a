#include "ui/class_colors.h"

namespace deeppacket::ui {

QColor classColor(std::size_t index) {
    // Okabe-Ito and Tableau colours: distinguishable, also for colour-blind readers.
    static const QColor palette[] = {
        QColor(0, 114, 178),   QColor(230, 159, 0), QColor(0, 158, 115),  QColor(204, 121, 167),
        QColor(86, 180, 233),  QColor(213, 94, 0),  QColor(240, 228, 66), QColor(120, 120, 120),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(23, 190, 207), QColor(188, 189, 34),
    };
    constexpr std::size_t count = sizeof palette / sizeof palette[0];
    if (index < count) {
        return palette[index];
    }
    return QColor::fromHsv(static_cast<int>((index * 47) % 360), 160, 200);
}

}  // namespace deeppacket::ui
