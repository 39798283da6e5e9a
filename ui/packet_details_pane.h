#pragma once

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

#include "core/packet_dissection.h"
#include "core/vectorizer.h"
#include "models/attribution.h"
#include "ui/classification_result.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace deeppacket::ui {

// Computes a packet's class probabilities and byte attribution (the app does it with the
// networks, on the calling worker thread). Throws std::exception with a message.
using PacketExplainer = std::function<ByteAttribution(const ClassificationResult& result,
                                                      const std::vector<std::uint8_t>& vector)>;

// Everything the pane shows of one packet, made off the GUI thread.
struct PacketInspection {
    ResultPointer result;  // the moment it was read from (a live capture moves on)
    std::size_t packetIndex = 0;
    QString error;  // the frame could not be read back
    StoredFrame frame;
    Dissection dissection;  // its packet points into frame.bytes
    std::vector<std::uint8_t> vector;
    std::vector<VectorPart> parts;
    std::shared_ptr<const ByteAttribution> attribution;
    QString attributionError;
};

// Reads the packet back from its capture and makes what the pane shows (no GUI).
std::shared_ptr<const PacketInspection> inspectPacket(const ResultPointer& result,
                                                      std::size_t packetIndex,
                                                      const PacketExplainer& explainer);

// The packet details pane under the packet table, as Wireshark's details and bytes panes, and
// what only Deep Packet shows: the vector the network saw (with the removed link header, zeroed
// addresses, masked fields, inserted UDP bytes and padding marked), the class probabilities and
// the flow's verdict, and which bytes decided (integrated gradients, computed on demand off the
// GUI thread and drawn over the bytes).
class PacketDetailsPane : public QWidget {
    Q_OBJECT
  public:
    enum BytesMode { FrameBytes, NetworkInput };

    explicit PacketDetailsPane(QWidget* parent = nullptr);
    ~PacketDetailsPane() override;

    void setExplainer(PacketExplainer explainer) { explainer_ = std::move(explainer); }
    void setResult(ResultPointer result);
    // A later moment of the same live capture: what is shown stays; packet indices given to
    // showPacket() are now this moment's.
    void advance(ResultPointer result) { result_ = std::move(result); }
    // Shows a packet of the result (its index); the work runs off the GUI thread.
    void showPacket(std::size_t packetIndex);
    void clear();

    void setBytesMode(BytesMode mode);
    void setShowAttribution(bool show);
    // Whether the shown packet is complete (its attribution done or failed).
    bool ready() const { return ready_; }
    const PacketInspection* inspection() const { return inspection_.get(); }
    QTreeWidget* details() const { return details_; }
    QTreeWidget* probabilities() const { return probabilities_; }
    QTextEdit* bytes() const { return bytes_; }

  signals:
    void inspected();

  private:
    void fill();
    void renderBytes();

    ResultPointer result_;
    PacketExplainer explainer_;
    std::shared_ptr<const PacketInspection> inspection_;
    quint64 generation_ = 0;
    bool ready_ = false;
    long highlightBegin_ = -1;  // frame offsets of the selected field
    long highlightEnd_ = -1;
    QTreeWidget* details_ = nullptr;
    QTreeWidget* probabilities_ = nullptr;
    QComboBox* mode_ = nullptr;
    QCheckBox* attribution_ = nullptr;
    QTextEdit* bytes_ = nullptr;
    QLabel* legend_ = nullptr;
};

}  // namespace deeppacket::ui
