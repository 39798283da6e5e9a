#pragma once

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

#include "models/model_description.h"

namespace deeppacket::ui {

// The model files (.dpm) of these folders with their cards, read without running anything;
// files that cannot be used are left out.
std::vector<std::pair<QString, ModelDescription>> modelsInFolders(const QStringList& folders);

}  // namespace deeppacket::ui
