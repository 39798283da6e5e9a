#include "tests/support/record_count.h"

#include <pcap/pcap.h>

namespace deeppacket::test {

std::uint64_t recordsLibpcapReads(const std::string& path) {
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = pcap_open_offline(path.c_str(), error);
    if (p == nullptr) {
        return 0;
    }
    std::uint64_t n = 0;
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    while (pcap_next_ex(p, &header, &data) == 1) {
        ++n;
    }
    pcap_close(p);
    return n;
}

}  // namespace deeppacket::test
