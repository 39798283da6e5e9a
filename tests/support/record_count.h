#pragma once

#include <cstdint>
#include <string>

namespace deeppacket::test {

// The number of records libpcap hands out for a capture, read with libpcap alone: the reference
// that the pipeline's own counts must match. 0 when libpcap cannot open the file.
std::uint64_t recordsLibpcapReads(const std::string& path);

}  // namespace deeppacket::test
