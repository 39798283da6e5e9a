#include "ui/translations.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace deeppacket::ui {

QList<QPair<QString, QString>> availableLanguages() {
    return {{"en", QStringLiteral("English")},
            {"de", QStringLiteral("Deutsch")},
            {"fa", QStringLiteral("فارسی")},
            {"zh_CN", QStringLiteral("简体中文")}};
}

QString chosenLanguage() {
    return QSettings().value("ui/language").toString();
}

void setChosenLanguage(const QString& code) {
    QSettings().setValue("ui/language", code);
}

QString installTranslations(QApplication& app, const QString& code) {
    const QString wanted = code.isEmpty() ? chosenLanguage() : code;
    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    // The translators are the application's children; a second call replaces the first's.
    for (QTranslator* old : app.findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly)) {
        QApplication::removeTranslator(old);
        delete old;
    }
    QString installed = QStringLiteral("en");
    // English plural forms under every language: a language's own translator, installed after
    // it, is asked first; texts it lacks fall back to "1 capture" / "2 captures", not "(s)".
    auto* plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/deeppacket_en.qm"))) {
        QApplication::installTranslator(plurals);
    } else {
        delete plurals;
    }
    auto* translator = new QTranslator(&app);
    // The .qm files are compiled into the program (qt_add_translations, prefix /i18n).
    if (locale.language() != QLocale::English &&
        translator->load(locale, "deeppacket", "_", ":/i18n")) {
        QApplication::installTranslator(translator);
        installed = translator->language();
        auto* base = new QTranslator(&app);
        if (base->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QApplication::installTranslator(base);
        } else {
            delete base;
        }
    } else {
        delete translator;
    }
    QApplication::setLayoutDirection(installed == "en" ? Qt::LeftToRight
                                                       : QLocale(installed).textDirection());
    // Dates and numbers the app formats follow the chosen language too.
    const QLocale english = QLocale::system().language() == QLocale::English
                                ? QLocale::system()
                                : QLocale(QLocale::English, QLocale::UnitedStates);
    QLocale::setDefault(installed == "en" ? english : QLocale(installed));
    return installed;
}

}  // namespace deeppacket::ui
