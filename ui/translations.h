#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QApplication;

namespace deeppacket::ui {

// The languages the app speaks: code (as in the .ts file names) and name in that language.
QList<QPair<QString, QString>> availableLanguages();

// The language the user chose in the settings ("" = the system's).
QString chosenLanguage();
void setChosenLanguage(const QString& code);

// Installs the translations of `code` ("" = the chosen one, else the system locale's) into the
// application, Qt's own strings included when present, and sets the layout direction of the
// language (right to left for Persian). Returns the language installed ("en" when none).
QString installTranslations(QApplication& app, const QString& code = {});

}  // namespace deeppacket::ui
