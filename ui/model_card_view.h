#pragma once

#include <QString>

#include "models/model_description.h"

namespace deeppacket::ui {

// A model's card as the wizard shows it: what the network is, what it knows (its classes), what
// it was trained on (the label scheme and number of captures, never the folders of the machine
// that trained it), how packets are preprocessed, when it was made (in the user's locale), and
// its test scores as a table per class. Everything from the file is escaped.
QString modelCardHtml(const QString& fileName, const ModelDescription& model);

// A label scheme for people, in their language, without the folders of its label file:
// "folder names", "file labels in labels.csv", …
QString labelSchemeText(const std::string& scheme);

}  // namespace deeppacket::ui
