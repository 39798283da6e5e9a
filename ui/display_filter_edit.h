#pragma once

#include <QLineEdit>
#include <QTimer>

#include <memory>
#include <string>
#include <vector>

#include "core/display_filter.h"

class QStringListModel;

namespace deeppacket::ui {

// The display filter box: the text is checked as it is typed (green when it parses, red with
// the error when it does not), a valid filter is applied a moment after typing stops or at once
// with Enter, and filters applied with Enter are kept as a history (completion, settings).
class DisplayFilterEdit : public QLineEdit {
    Q_OBJECT
  public:
    explicit DisplayFilterEdit(QWidget* parent = nullptr);

    // The classes and files that names in the filter resolve to (a new result's).
    void setContext(std::vector<std::string> classes, std::vector<std::string> files);
    // Sets the text and applies it at once (Apply as filter, Follow flow).
    void applyText(const QString& text);
    // The error of the text as typed, or empty when it parses.
    QString error() const { return error_; }
    QStringList history() const;

  signals:
    // A filter that parsed (null: the box is empty) is to be shown.
    void filterApplied(std::shared_ptr<const deeppacket::DisplayFilter> filter);
    // The text's error changed (empty: none).
    void errorChanged(const QString& error);

  private:
    void check();
    void apply(bool remember);

    std::vector<std::string> classes_;
    std::vector<std::string> files_;
    std::shared_ptr<const DisplayFilter> parsed_;
    QString error_;
    QString applied_;
    QTimer settle_;
    QStringListModel* history_ = nullptr;
};

}  // namespace deeppacket::ui
