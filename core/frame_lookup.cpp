#include "core/frame_lookup.h"

#include "core/capture_reader.h"

namespace deeppacket {

StoredFrame readFrame(const std::string& path, std::uint64_t number) {
    CaptureReader reader(path);
    Frame frame;
    while (reader.next(frame)) {
        if (frame.number == number) {
            StoredFrame out;
            out.bytes.assign(frame.data, frame.data + frame.capturedLength);
            out.wireLength = frame.wireLength;
            out.timestampNs = frame.timestampNs;
            out.number = frame.number;
            out.linkType = reader.linkType();
            return out;
        }
    }
    throw CaptureError(path + ": has no frame " + std::to_string(number) +
                       (reader.warning().empty() ? "" : " (" + reader.warning() + ")"));
}

}  // namespace deeppacket
