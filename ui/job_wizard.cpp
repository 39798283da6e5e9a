#include "ui/job_wizard.h"

#include <QDragEnterEvent>
#include <QDropEvent>

#include "ui/dropped_files.h"

namespace deeppacket::ui {

void pageChanged(QWizardPage* page) {
    if (page != nullptr) {
        static_cast<CheckedPage*>(page)->changed();
    }
}

JobWizard::JobWizard(int capturesPage, QWidget* parent)
    : QWizard(parent), capturesPage_(capturesPage) {
    setWizardStyle(QWizard::ModernStyle);
    setAcceptDrops(true);
}

void JobWizard::dragEnterEvent(QDragEnterEvent* event) {
    if (currentId() == capturesPage_ && !droppedFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void JobWizard::dropEvent(QDropEvent* event) {
    const QStringList files = droppedFiles(event->mimeData());
    if (!files.isEmpty()) {
        event->acceptProposedAction();
        addDroppedCaptures(files);
    }
}

void JobWizard::done(int result) {
    if (running_) {
        emit discardRequested();
        emit cancelRequested();
        running_ = false;
    }
    QWizard::done(result);
}

}  // namespace deeppacket::ui
