#pragma once

#include <QDialog>

#include <functional>
#include <vector>

#include "core/live_capture.h"
#include "ui/classification_result.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeWidget;

namespace deeppacket::ui {

// File → Capture live…: the interface (with its addresses, as libpcap lists them), a capture
// filter checked as it is typed, the packet model with an optional flow model beside it, and how
// many packets the workspace keeps. Choices are remembered with QSettings.
class LiveCaptureDialog : public QDialog {
    Q_OBJECT
  public:
    // `modelFolders`: where models are looked for. `interfaces` lists what can be captured on
    // (captureInterfaces() by default; tests give their own).
    explicit LiveCaptureDialog(
        QStringList modelFolders, QWidget* parent = nullptr,
        std::function<std::vector<CaptureInterface>()> interfaces = captureInterfaces);

    // What to capture with which models; its capturePath is left to the caller.
    LiveRequest request() const;

    // Test and scripting access.
    void chooseInterface(const QString& name);
    void setFilter(const QString& filter);
    QString filterError() const;
    void chooseModel(const QString& path);
    void setKeepPackets(int packets);
    bool canStart() const;
    QTreeWidget* interfaceList() const { return interfaces_; }

    void accept() override;

  private:
    void refreshInterfaces();
    void checkFilter();
    void refreshFlowModels();
    void updateStart();

    std::function<std::vector<CaptureInterface>()> listInterfaces_;
    QStringList modelFolders_;
    QTreeWidget* interfaces_ = nullptr;
    QLabel* interfaceError_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QLabel* filterMessage_ = nullptr;
    QString filterError_;
    QComboBox* model_ = nullptr;
    QLabel* modelMessage_ = nullptr;
    QComboBox* flowModel_ = nullptr;
    QComboBox* device_ = nullptr;
    QSpinBox* keep_ = nullptr;
    QCheckBox* promiscuous_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    struct FlowModelFile {
        QString path;
        QString summary;
        std::vector<std::string> classes;
    };
    std::vector<FlowModelFile> flowModels_;
    std::vector<std::vector<std::string>> modelClasses_;  // per item of model_
};

}  // namespace deeppacket::ui
