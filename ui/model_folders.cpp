#include "ui/model_folders.h"

#include <QDirIterator>

namespace deeppacket::ui {

std::vector<std::pair<QString, ModelDescription>> modelsInFolders(const QStringList& folders) {
    std::vector<std::pair<QString, ModelDescription>> models;
    for (const QString& folder : folders) {
        QDirIterator it(folder, {"*.dpm"}, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            try {
                models.emplace_back(path, describeModel(path.toStdString()));
            } catch (const std::exception&) {
                continue;  // unusable files in the model folders are not offered
            }
        }
    }
    return models;
}

}  // namespace deeppacket::ui
