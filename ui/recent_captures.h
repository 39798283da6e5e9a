#pragma once

#include <QStringList>

namespace deeppacket::ui {

// The captures and folders the user opened, newest first, as they were given: a folder is one
// entry, not one per file inside. Kept in the settings for File → Open Recent and the wizard.
QStringList recentCaptures();
// Puts these paths (files or folders that exist) first; keeps the ten newest.
void rememberCaptures(const QStringList& paths);
void forgetRecentCaptures();

}  // namespace deeppacket::ui
