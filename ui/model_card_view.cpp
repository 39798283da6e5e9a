#include "ui/model_card_view.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "core/ground_truth.h"
#include "core/preprocess_options.h"

namespace deeppacket::ui {

// The translation context of the card's words.
class ModelCardView {
    Q_DECLARE_TR_FUNCTIONS(deeppacket::ui::ModelCardView)
};

namespace {

QString escaped(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

// "files:/srv/lab5/labels.csv over 387 captures" -> "file labels in labels.csv, 387 captures".
QString dataset(const std::string& provenance) {
    const auto over = provenance.rfind(" over ");
    const std::string scheme = over == std::string::npos ? provenance : provenance.substr(0, over);
    QString text = labelSchemeText(scheme).toHtmlEscaped();
    if (over != std::string::npos) {
        const std::string count = provenance.substr(over + 6);
        const auto space = count.find(' ');
        text += ModelCardView::tr(", %1 captures").arg(escaped(count.substr(0, space)));
    }
    return text;
}

QString when(const std::string& created) {
    const QDateTime time = QDateTime::fromString(QString::fromStdString(created), Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : escaped(created);
}

QString number(double value, int decimals = 3) {
    return QLocale().toString(value, 'f', decimals);
}

// The per-class scores of one level (packets or flows) as a table, with the averages.
QString scoreTable(const QJsonObject& level, const std::vector<std::string>& classes) {
    if (level.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral(
                       "<table cellspacing='0' cellpadding='3' border='1' "
                       "style='border-collapse:collapse'><tr><th>%1</th><th>%2</th>"
                       "<th>%3</th><th>%4</th><th>%5</th></tr>")
                       .arg(ModelCardView::tr("Class"), ModelCardView::tr("Recall"),
                            ModelCardView::tr("Precision"), ModelCardView::tr("F1"),
                            ModelCardView::tr("Support"));
    const QJsonObject perClass = level.value("classes").toObject();
    auto row = [&](const QString& name, const QJsonObject& s, bool bold) {
        const QString cell = bold ? QStringLiteral("<td align='right'><b>%1</b></td>")
                                  : QStringLiteral("<td align='right'>%1</td>");
        html += QStringLiteral("<tr><td>%1</td>").arg(bold ? "<b>" + name + "</b>" : name) +
                cell.arg(number(s.value("recall").toDouble())) +
                cell.arg(number(s.value("precision").toDouble())) +
                cell.arg(number(s.value("f1").toDouble())) +
                cell.arg(QLocale().toString(s.value("support").toInteger())) +
                QStringLiteral("</tr>");
    };
    for (const auto& name : classes) {
        const QJsonValue s = perClass.value(QString::fromStdString(name));
        if (s.isObject()) {
            row(escaped(name), s.toObject(), false);
        }
    }
    if (level.contains("macro")) {
        row(ModelCardView::tr("Macro average"), level.value("macro").toObject(), true);
    }
    html +=
        QStringLiteral("</table><p>%1</p>")
            .arg(ModelCardView::tr("Accuracy %1").arg(number(level.value("accuracy").toDouble())));
    return html;
}

}  // namespace

QString labelSchemeText(const std::string& scheme) {
    const LabelSchemeParts parts = labelSchemeParts(scheme);
    const QString file = QString::fromStdString(parts.fileName);
    switch (parts.kind) {
        case LabelSchemeParts::Folder:
            return ModelCardView::tr("folder names");
        case LabelSchemeParts::Iscx:
            return ModelCardView::tr("ISCX VPN-nonVPN file names");
        case LabelSchemeParts::FileLabels:
            return ModelCardView::tr("file labels in %1").arg(file);
        case LabelSchemeParts::FlowLabels:
            return ModelCardView::tr("flow labels in %1").arg(file);
        case LabelSchemeParts::Other:
            break;
    }
    return QString::fromStdString(scheme);
}

QString modelCardHtml(const QString& fileName, const ModelDescription& model) {
    const ModelCard& c = model.card;
    QString html = QStringLiteral("<h3>%1</h3>").arg(fileName.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> %2")
                .arg(ModelCardView::tr("Network:"), escaped(c.network.summary()));
    if (model.parameters) {
        html += ModelCardView::tr(" (%1 parameters)")
                    .arg(QLocale().toString(static_cast<qulonglong>(*model.parameters)));
    }
    html += QStringLiteral("<br><b>%1</b> %2</p>")
                .arg(ModelCardView::tr("Task:"), escaped(taskTitle(c.task)));
    html += QStringLiteral("<p><b>%1</b></p><p>")
                .arg(ModelCardView::tr("It tells apart %1 classes:").arg(c.classes.size()));
    QStringList names;
    for (const auto& name : c.classes) {
        names << escaped(name);
    }
    html += names.join(QStringLiteral(" · ")) + QStringLiteral("</p>");
    html += QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4<br><b>%5</b> %6</p>")
                .arg(ModelCardView::tr("Trained on:"), dataset(c.provenance.dataset),
                     ModelCardView::tr("Split:"),
                     ModelCardView::tr("%1, seed %2")
                         .arg(escaped(c.provenance.split))
                         .arg(c.provenance.seed),
                     ModelCardView::tr("Made:"),
                     ModelCardView::tr("%1 by version %2")
                         .arg(when(c.provenance.created), escaped(c.provenance.programVersion)));
    QStringList options{ModelCardView::tr("vectors of %1 bytes").arg(c.preprocessing.vectorLength)};
    for (const auto& flag : kPreprocessFlags) {
        if (c.preprocessing.*flag.member) {
            // The training wizard's words for the same fields.
            options << QCoreApplication::translate("deeppacket::ui::TrainingWizard", flag.title)
                           .toHtmlEscaped();
        }
    }
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(ModelCardView::tr("Preprocessing:"), options.join("; "));

    const QJsonObject metrics =
        QJsonDocument::fromJson(QByteArray::fromStdString(c.metricsJson)).object();
    const QJsonObject test = metrics.value("test").toObject();
    if (test.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(ModelCardView::tr("Test scores:"), ModelCardView::tr("none recorded"));
        return html;
    }
    const QString split = metrics.value("split").toString();
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(ModelCardView::tr("Test scores:"),
                     split.isEmpty() ? QString()
                                     : ModelCardView::tr("on the test part of a %1 split")
                                           .arg(split.toHtmlEscaped()));
    if (test.contains("packets")) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(ModelCardView::tr("Per packet")) +
                scoreTable(test.value("packets").toObject(), c.classes);
    }
    if (test.contains("flows")) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(ModelCardView::tr("Per flow")) +
                scoreTable(test.value("flows").toObject(), c.classes);
    }
    return html;
}

}  // namespace deeppacket::ui
