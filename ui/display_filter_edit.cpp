#include "ui/display_filter_edit.h"

#include <QCompleter>
#include <QSettings>
#include <QStringListModel>

namespace deeppacket::ui {
namespace {

constexpr int kHistoryLength = 30;
constexpr int kSettleMs = 350;  // typing pauses this long before a filter applies by itself

QString fieldHelp() {
    QString help = QStringLiteral("<p>") +
                   DisplayFilterEdit::tr(
                       "Like Wireshark's display filters, e.g. "
                       "<code>tcp and len &gt; 100</code>, "
                       "<code>ip.addr == 10.8.0.0/16 &amp;&amp; !correct</code>, "
                       "<code>label == chat or confidence &lt; 0.5</code>.") +
                   QStringLiteral("</p><table>");
    for (const auto& field : displayFilterFields()) {
        help += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td></tr>")
                    .arg(QString::fromLatin1(field.name), QString::fromUtf8(field.description));
    }
    return help + QStringLiteral("</table>");
}

}  // namespace

DisplayFilterEdit::DisplayFilterEdit(QWidget* parent) : QLineEdit(parent) {
    setObjectName(QStringLiteral("displayFilter"));
    // A filter is code: it reads left to right in every language.
    setLayoutDirection(Qt::LeftToRight);
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Apply a display filter… (Ctrl+F)"));
    setToolTip(fieldHelp());
    history_ = new QStringListModel(QSettings().value("filter/history").toStringList(), this);
    auto* completer = new QCompleter(history_, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    setCompleter(completer);
    settle_.setSingleShot(true);
    settle_.setInterval(kSettleMs);
    connect(&settle_, &QTimer::timeout, this, [this] { apply(false); });
    connect(this, &QLineEdit::textChanged, this, [this] {
        check();
        settle_.start();
    });
    connect(this, &QLineEdit::returnPressed, this, [this] { apply(true); });
}

void DisplayFilterEdit::setContext(std::vector<std::string> classes,
                                   std::vector<std::string> files) {
    classes_ = std::move(classes);
    files_ = std::move(files);
    applied_.clear();
    check();
    apply(false);
}

void DisplayFilterEdit::applyText(const QString& text) {
    setText(text);
    apply(true);
}

QStringList DisplayFilterEdit::history() const {
    return history_->stringList();
}

void DisplayFilterEdit::check() {
    QString error;
    parsed_.reset();
    try {
        auto filter = DisplayFilter::parse(text().toStdString(), classes_, files_);
        if (!filter.empty()) {
            parsed_ = std::make_shared<const DisplayFilter>(std::move(filter));
        }
    } catch (const DisplayFilterError& e) {
        // The position is in UTF-8 bytes; the column the user sees is in characters.
        const QByteArray bytes = text().toUtf8().left(static_cast<int>(e.position()));
        error = tr("%1 (at column %2)")
                    .arg(QString::fromStdString(e.what()))
                    .arg(QString::fromUtf8(bytes).size() + 1);
    }
    const bool blank = text().trimmed().isEmpty();
    setStyleSheet(blank             ? QString()
                  : error.isEmpty() ? QStringLiteral("QLineEdit { background: #dcf5dc; }")
                                    : QStringLiteral("QLineEdit { background: #f9d6d6; }"));
    if (error != error_) {
        error_ = error;
        emit errorChanged(error_);
    }
}

void DisplayFilterEdit::apply(bool remember) {
    settle_.stop();
    if (!error_.isEmpty()) {
        return;  // the last filter that parsed stays
    }
    const QString text = this->text().trimmed();
    if (remember && !text.isEmpty()) {
        QStringList list = history_->stringList();
        list.removeAll(text);
        list.prepend(text);
        while (list.size() > kHistoryLength) {
            list.removeLast();
        }
        history_->setStringList(list);
        QSettings().setValue("filter/history", list);
    }
    if (text == applied_ && !remember) {
        return;
    }
    applied_ = text;
    emit filterApplied(parsed_);
}

}  // namespace deeppacket::ui
