#include "app/gui/job_thread.h"

#include <QMetaObject>

namespace deeppacket::gui {

JobThread::JobThread(const QString& name) : context_(new QObject) {
    context_->moveToThread(&thread_);
    QObject::connect(&thread_, &QThread::finished, context_, &QObject::deleteLater);
    thread_.setObjectName(name);
    thread_.start();
}

JobThread::~JobThread() {
    thread_.quit();
    thread_.wait();
}

void JobThread::post(std::function<void()> work) {
    QMetaObject::invokeMethod(context_, std::move(work), Qt::QueuedConnection);
}

void JobThread::deliver(QObject* receiver, std::function<void()> f) {
    QMetaObject::invokeMethod(receiver, std::move(f), Qt::QueuedConnection);
}

}  // namespace deeppacket::gui
