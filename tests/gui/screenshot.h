#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QString>
#include <QWidget>

namespace deeppacket::test {

// Saves a screenshot of the widget as NAME.png when DEEPPACKET_SCREENSHOTS names a folder
// (docs/screenshots); does nothing otherwise.
inline void screenshot(QWidget* widget, const QString& name) {
    const QString folder = qEnvironmentVariable("DEEPPACKET_SCREENSHOTS");
    QCoreApplication::processEvents();
    if (!folder.isEmpty()) {
        QDir().mkpath(folder);
        widget->grab().save(folder + "/" + name + ".png");
    }
}

}  // namespace deeppacket::test
