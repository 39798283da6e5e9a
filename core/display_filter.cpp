#include "core/display_filter.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "core/decoded_packet.h"
#include "core/packet_csv.h"

namespace deeppacket {
namespace {

enum class Field {
    Number,
    IpSrc,
    IpDst,
    IpAddr,
    Port,
    TcpPort,
    UdpPort,
    TcpSrcPort,
    TcpDstPort,
    UdpSrcPort,
    UdpDstPort,
    Proto,
    Len,
    IpLen,
    Label,
    Truth,
    Confidence,
    File,
    Flow,
    Correct,
};

// What a field's values are, which decides its operators and how its value is read.
enum class Kind { Number, Address, Protocol, Class, File, Boolean };

struct FieldInfo {
    const char* name;
    Field field;
    Kind kind;
    const char* description;  // null for an alias
};

constexpr FieldInfo kFields[] = {
    {"number", Field::Number, Kind::Number,
     "the packet's number in the analysis, unique across its captures"},
    {"frame.number", Field::Number, Kind::Number, nullptr},
    {"ip.src", Field::IpSrc, Kind::Address, "source address (a value may be a prefix: a.b.c.d/n)"},
    {"ip.dst", Field::IpDst, Kind::Address, "destination address"},
    {"ip.addr", Field::IpAddr, Kind::Address, "either address"},
    {"port", Field::Port, Kind::Number, "either port, TCP or UDP"},
    {"tcp.port", Field::TcpPort, Kind::Number, "either TCP port"},
    {"udp.port", Field::UdpPort, Kind::Number, "either UDP port"},
    {"tcp.srcport", Field::TcpSrcPort, Kind::Number, "TCP source port"},
    {"tcp.dstport", Field::TcpDstPort, Kind::Number, "TCP destination port"},
    {"udp.srcport", Field::UdpSrcPort, Kind::Number, "UDP source port"},
    {"udp.dstport", Field::UdpDstPort, Kind::Number, "UDP destination port"},
    {"proto", Field::Proto, Kind::Protocol, "transport protocol: tcp, udp, icmp, … or a number"},
    {"len", Field::Len, Kind::Number, "length on the wire, in bytes"},
    {"frame.len", Field::Len, Kind::Number, nullptr},
    {"ip.len", Field::IpLen, Kind::Number, "the IP packet's length, header included"},
    {"label", Field::Label, Kind::Class, "the predicted class"},
    {"truth", Field::Truth, Kind::Class, "the true class"},
    {"confidence", Field::Confidence, Kind::Number, "the predicted class's probability, 0 to 1"},
    {"file", Field::File, Kind::File, "the capture's file name (contains: a part of its path)"},
    {"flow", Field::Flow, Kind::Number, "the flow's id in the analysis"},
    {"tcp.stream", Field::Flow, Kind::Number, nullptr},
    {"correct", Field::Correct, Kind::Boolean, "the label equals the truth"},
};

struct ProtocolWord {
    const char* word;
    std::uint8_t protocol;  // 0 with ipVersion: a test of the IP version
    std::uint8_t ipVersion;
};
constexpr ProtocolWord kProtocolWords[] = {
    {"tcp", kProtoTcp, 0},       {"udp", kProtoUdp, 0}, {"icmp", kProtoIcmp, 0},
    {"icmpv6", kProtoIcmpV6, 0}, {"ip", 0, 4},          {"ipv6", 0, 6},
};

enum class Op { Eq, Ne, Lt, Le, Gt, Ge, Contains, Test, Protocol, IpVersion };

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isFieldChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}

std::string baseName(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Whether the first `bits` bits of the two addresses agree (same IP version).
bool samePrefix(const IpAddress& a, const IpAddress& b, int bits) {
    if (a.version != b.version) {
        return false;
    }
    for (int i = 0; i < bits; ++i) {
        const auto byte = static_cast<std::size_t>(i / 8);
        const int mask = 0x80 >> (i % 8);
        if ((a.bytes[byte] & mask) != (b.bytes[byte] & mask)) {
            return false;
        }
    }
    return true;
}

// A value written so that the parser reads it back as one word.
std::string quoted(const std::string& value) {
    const bool bare = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
               std::string_view("._-:/").find(c) != std::string_view::npos;
    });
    if (bare) {
        return value;
    }
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

}  // namespace

struct DisplayFilter::Node {
    enum Type { And, Or, Not, Compare } type = Compare;
    std::unique_ptr<Node> left;
    std::unique_ptr<Node> right;
    Field field = Field::Number;
    Op op = Op::Eq;
    double number = 0;
    IpAddress address;
    int prefix = 0;
    std::vector<bool> members;  // class or file indices that the value names
    std::uint8_t protocol = 0;
    bool boolean = true;
};

namespace {

using Node = DisplayFilter::Node;

class Parser {
  public:
    Parser(const std::string& text, const std::vector<std::string>& classes,
           const std::vector<std::string>& files)
        : text_(text), classes_(classes), files_(files) {}

    std::unique_ptr<Node> parse() {
        auto root = parseOr();
        skipSpace();
        if (pos_ < text_.size()) {
            fail(text_[pos_] == ')' ? "a ')' without its '('"
                                    : "expected 'and', 'or' or the end, not '" + nextWord() + "'");
        }
        return root;
    }

  private:
    [[noreturn]] void fail(const std::string& message) const {
        throw DisplayFilterError(message, pos_);
    }
    [[noreturn]] void failAt(std::size_t at, const std::string& message) const {
        throw DisplayFilterError(message, at);
    }

    void skipSpace() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
            ++pos_;
        }
    }

    std::string nextWord() const {
        std::size_t end = pos_;
        while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end]))) {
            ++end;
        }
        return text_.substr(pos_, std::min<std::size_t>(end - pos_, 40));
    }

    bool acceptSymbol(std::string_view symbol) {
        skipSpace();
        if (text_.compare(pos_, symbol.size(), symbol) == 0) {
            pos_ += symbol.size();
            return true;
        }
        return false;
    }

    bool acceptWord(std::string_view word) {
        skipSpace();
        if (pos_ + word.size() > text_.size()) {
            return false;
        }
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(text_[pos_ + i])) != word[i]) {
                return false;
            }
        }
        if (pos_ + word.size() < text_.size() && isFieldChar(text_[pos_ + word.size()])) {
            return false;
        }
        pos_ += word.size();
        return true;
    }

    std::unique_ptr<Node> join(Node::Type type, std::unique_ptr<Node> left,
                               std::unique_ptr<Node> right) {
        auto node = std::make_unique<Node>();
        node->type = type;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    std::unique_ptr<Node> parseOr() {
        auto left = parseAnd();
        while (acceptSymbol("||") || acceptWord("or")) {
            left = join(Node::Or, std::move(left), parseAnd());
        }
        return left;
    }

    std::unique_ptr<Node> parseAnd() {
        auto left = parseUnary();
        while (acceptSymbol("&&") || acceptWord("and")) {
            left = join(Node::And, std::move(left), parseUnary());
        }
        return left;
    }

    std::unique_ptr<Node> parseUnary() {
        skipSpace();
        if ((text_.compare(pos_, 1, "!") == 0 && text_.compare(pos_, 2, "!=") != 0 &&
             acceptSymbol("!")) ||
            acceptWord("not")) {
            return join(Node::Not, parseUnary(), nullptr);
        }
        if (acceptSymbol("(")) {
            const std::size_t open = pos_ - 1;
            auto inner = parseOr();
            if (!acceptSymbol(")")) {
                failAt(open, "this '(' is not closed");
            }
            return inner;
        }
        return parseComparison();
    }

    std::unique_ptr<Node> parseComparison() {
        skipSpace();
        const std::size_t start = pos_;
        while (pos_ < text_.size() && isFieldChar(text_[pos_])) {
            ++pos_;
        }
        if (pos_ == start) {
            fail(pos_ == text_.size() ? "expected a field, 'not' or '(' at the end"
                                      : "expected a field, 'not' or '(', not '" + nextWord() + "'");
        }
        const std::string name = lower(text_.substr(start, pos_ - start));
        const FieldInfo* info = nullptr;
        for (const auto& f : kFields) {
            if (name == f.name) {
                info = &f;
            }
        }
        const std::optional<Op> op = parseOperator();
        auto node = std::make_unique<Node>();
        if (!op) {
            for (const auto& p : kProtocolWords) {
                if (name == p.word) {
                    node->op = p.ipVersion != 0 ? Op::IpVersion : Op::Protocol;
                    node->protocol = p.ipVersion != 0 ? p.ipVersion : p.protocol;
                    return node;
                }
            }
        }
        if (info == nullptr) {
            failAt(start, "unknown field '" + name +
                              "' (fields: number, ip.src, ip.dst, ip.addr, " +
                              "port, tcp.port, udp.port, proto, len, label, truth, confidence, " +
                              "file, flow, correct)");
        }
        node->field = info->field;
        if (!op) {
            if (info->kind != Kind::Boolean) {
                failAt(start, "'" + name + "' needs a comparison, e.g. " + name +
                                  (info->kind == Kind::Number ? " > 100" : " == value"));
            }
            node->op = Op::Test;
            return node;
        }
        node->op = *op;
        const std::size_t valueAt = (skipSpace(), pos_);
        const std::string value = parseValue(name);
        const bool ordering = *op != Op::Eq && *op != Op::Ne && *op != Op::Contains;
        if (info->kind != Kind::Number && ordering) {
            failAt(valueAt, "'" + name + "' takes ==, != or contains, not an ordering");
        }
        if ((info->kind == Kind::Number || info->kind == Kind::Address ||
             info->kind == Kind::Protocol || info->kind == Kind::Boolean) &&
            *op == Op::Contains) {
            failAt(valueAt, "'" + name + "' takes a comparison, not contains");
        }
        switch (info->kind) {
            case Kind::Number: {
                char* end = nullptr;
                node->number = std::strtod(value.c_str(), &end);
                if (end == value.c_str() || *end != '\0') {
                    failAt(valueAt, "'" + name + "' compares numbers: '" + value + "' is not one");
                }
                if (info->field == Field::Confidence) {
                    // Confidences are floats: 0.9 means the float 0.9, which is below the
                    // double 0.9, so that "confidence >= 0.9" keeps a packet shown as 0.900.
                    node->number = static_cast<double>(static_cast<float>(node->number));
                }
                break;
            }
            case Kind::Address:
                readAddress(value, valueAt, *node);
                break;
            case Kind::Protocol:
                node->protocol = readProtocol(value, valueAt);
                break;
            case Kind::Class:
                node->members = matching(classes_, value, *op, false);
                if (*op != Op::Contains && std::find(node->members.begin(), node->members.end(),
                                                     true) == node->members.end()) {
                    std::string known;
                    for (std::size_t c = 0; c < classes_.size() && c < 12; ++c) {
                        known += (c ? ", " : "") + classes_[c];
                    }
                    failAt(valueAt, "no class '" + value + "'; the classes are " + known +
                                        (classes_.size() > 12 ? ", …" : ""));
                }
                break;
            case Kind::File:
                node->members = matching(files_, value, *op, true);
                break;
            case Kind::Boolean: {
                const std::string v = lower(value);
                if (v != "true" && v != "false" && v != "1" && v != "0") {
                    failAt(valueAt, "'" + name + "' is true or false, not '" + value + "'");
                }
                node->boolean = v == "true" || v == "1";
                break;
            }
        }
        return node;
    }

    std::optional<Op> parseOperator() {
        static const std::pair<const char*, Op> symbols[] = {
            {"==", Op::Eq}, {"!=", Op::Ne}, {"<=", Op::Le}, {">=", Op::Ge},
            {"<", Op::Lt},  {">", Op::Gt},  {"=", Op::Eq},
        };
        for (const auto& [symbol, op] : symbols) {
            if (acceptSymbol(symbol)) {
                return op;
            }
        }
        static const std::pair<const char*, Op> words[] = {
            {"eq", Op::Eq},
            {"ne", Op::Ne},
            {"lt", Op::Lt},
            {"le", Op::Le},
            {"gt", Op::Gt},
            {"ge", Op::Ge},
            {"contains", Op::Contains},
        };
        for (const auto& [word, op] : words) {
            if (acceptWord(word)) {
                return op;
            }
        }
        return std::nullopt;
    }

    // A quoted string ("..." with \" and \\) or a word that ends at a space, a parenthesis,
    // '&' or '|'.
    std::string parseValue(const std::string& field) {
        skipSpace();
        std::string value;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            const std::size_t open = pos_++;
            while (pos_ < text_.size() && text_[pos_] != '"') {
                if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                    ++pos_;
                }
                value += text_[pos_++];
            }
            if (pos_ == text_.size()) {
                failAt(open, "this quote is not closed");
            }
            ++pos_;
            return value;
        }
        while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
               std::string_view("()&|").find(text_[pos_]) == std::string_view::npos) {
            value += text_[pos_++];
        }
        if (value.empty()) {
            fail("expected a value to compare '" + field + "' with");
        }
        return value;
    }

    void readAddress(const std::string& value, std::size_t at, Node& node) const {
        const auto slash = value.find('/');
        const auto address = IpAddress::parse(value.substr(0, slash));
        if (!address) {
            failAt(at, "'" + value + "' is not an IPv4 or IPv6 address");
        }
        node.address = *address;
        const int bits = address->version == 4 ? 32 : 128;
        node.prefix = bits;
        if (slash != std::string::npos) {
            const std::string text = value.substr(slash + 1);
            char* end = nullptr;
            const long prefix = std::strtol(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || prefix < 0 || prefix > bits) {
                failAt(at,
                       "'" + value + "': the prefix length must be 0 to " + std::to_string(bits));
            }
            node.prefix = static_cast<int>(prefix);
        }
    }

    std::uint8_t readProtocol(const std::string& value, std::size_t at) const {
        const std::string v = lower(value);
        char* end = nullptr;
        const long number = std::strtol(v.c_str(), &end, 10);
        if (!v.empty() && *end == '\0' && number >= 0 && number <= 255) {
            return static_cast<std::uint8_t>(number);
        }
        for (int n = 0; n < 256; ++n) {
            if (lower(protocolName(static_cast<std::uint8_t>(n))) == v) {
                return static_cast<std::uint8_t>(n);
            }
        }
        failAt(at, "'" + value + "' is not a protocol name or number (0 to 255)");
    }

    // Which names the value picks: equal (for files: the name or the whole path) or, with
    // contains, holding it; without case.
    static std::vector<bool> matching(const std::vector<std::string>& names,
                                      const std::string& value, Op op, bool paths) {
        const std::string v = lower(value);
        std::vector<bool> out(names.size(), false);
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string name = lower(names[i]);
            out[i] = op == Op::Contains ? name.find(v) != std::string::npos
                                        : name == v || (paths && lower(baseName(names[i])) == v);
        }
        return out;
    }

    const std::string& text_;
    const std::vector<std::string>& classes_;
    const std::vector<std::string>& files_;
    std::size_t pos_ = 0;
};

bool compare(double a, Op op, double b) {
    switch (op) {
        case Op::Eq:
            return a == b;
        case Op::Ne:
            return a != b;
        case Op::Lt:
            return a < b;
        case Op::Le:
            return a <= b;
        case Op::Gt:
            return a > b;
        case Op::Ge:
            return a >= b;
        default:
            return false;
    }
}

// A comparison of a field with one or two values (either address, either port): != holds when
// none equals, the others when any value satisfies them. No value: false.
bool compareAny(const double* values, std::size_t count, Op op, double b) {
    if (count == 0) {
        return false;
    }
    if (op == Op::Ne) {
        return std::none_of(values, values + count, [b](double v) { return v == b; });
    }
    return std::any_of(values, values + count, [&](double v) { return compare(v, op, b); });
}

bool inSet(const std::vector<bool>& members, std::int64_t index, Op op) {
    if (index < 0 || static_cast<std::size_t>(index) >= members.size()) {
        return false;  // no value (a packet without truth)
    }
    const bool in = members[static_cast<std::size_t>(index)];
    return op == Op::Ne ? !in : in;
}

bool evaluate(const Node& n, const PacketResult& p, std::size_t index) {
    switch (n.type) {
        case Node::And:
            return evaluate(*n.left, p, index) && evaluate(*n.right, p, index);
        case Node::Or:
            return evaluate(*n.left, p, index) || evaluate(*n.right, p, index);
        case Node::Not:
            return !evaluate(*n.left, p, index);
        case Node::Compare:
            break;
    }
    const PacketRecord& r = p.record;
    if (n.op == Op::Protocol) {
        return r.protocol == n.protocol;
    }
    if (n.op == Op::IpVersion) {
        return r.src.version == n.protocol;
    }
    const bool tcp = r.protocol == kProtoTcp;
    const bool udp = r.protocol == kProtoUdp;
    double values[2];
    std::size_t count = 0;
    auto ports = [&](bool present, bool source, bool destination) {
        if (present) {
            if (source) {
                values[count++] = r.srcPort;
            }
            if (destination) {
                values[count++] = r.dstPort;
            }
        }
    };
    switch (n.field) {
        case Field::Number:
            values[count++] = static_cast<double>(index + 1);
            break;
        case Field::Port:
            ports(tcp || udp, true, true);
            break;
        case Field::TcpPort:
            ports(tcp, true, true);
            break;
        case Field::UdpPort:
            ports(udp, true, true);
            break;
        case Field::TcpSrcPort:
            ports(tcp, true, false);
            break;
        case Field::TcpDstPort:
            ports(tcp, false, true);
            break;
        case Field::UdpSrcPort:
            ports(udp, true, false);
            break;
        case Field::UdpDstPort:
            ports(udp, false, true);
            break;
        case Field::Len:
            values[count++] = r.wireLength;
            break;
        case Field::IpLen:
            if (r.src.version != 0) {
                values[count++] = r.ipLength;
            }
            break;
        case Field::Confidence:
            values[count++] = static_cast<double>(p.confidence);
            break;
        case Field::Flow:
            values[count++] = r.flowId;
            break;
        case Field::IpSrc:
        case Field::IpDst:
        case Field::IpAddr: {
            if (r.src.version == 0) {
                return false;
            }
            const bool src = n.field != Field::IpDst && samePrefix(r.src, n.address, n.prefix);
            const bool dst = n.field != Field::IpSrc && samePrefix(r.dst, n.address, n.prefix);
            return n.op == Op::Ne ? !(src || dst) : (src || dst);
        }
        case Field::Proto:
            return (r.protocol == n.protocol) == (n.op == Op::Eq);
        case Field::Label:
            return inSet(n.members, p.classIndex, n.op);
        case Field::Truth:
            return inSet(n.members, p.truth, n.op);
        case Field::File:
            return inSet(n.members, r.fileIndex, n.op);
        case Field::Correct: {
            const bool correct =
                p.truth >= 0 && static_cast<std::uint32_t>(p.truth) == p.classIndex;
            return n.op == Op::Ne ? correct != n.boolean : correct == n.boolean;
        }
    }
    return compareAny(values, count, n.op, n.number);
}

}  // namespace

const std::vector<DisplayFilterField>& displayFilterFields() {
    static const std::vector<DisplayFilterField> fields = [] {
        std::vector<DisplayFilterField> out;
        for (const auto& f : kFields) {
            if (f.description != nullptr) {
                out.push_back({f.name, f.description});
            }
        }
        return out;
    }();
    return fields;
}

DisplayFilter::DisplayFilter() = default;
DisplayFilter::~DisplayFilter() = default;
DisplayFilter::DisplayFilter(DisplayFilter&&) noexcept = default;
DisplayFilter& DisplayFilter::operator=(DisplayFilter&&) noexcept = default;

DisplayFilter DisplayFilter::parse(const std::string& text, const std::vector<std::string>& classes,
                                   const std::vector<std::string>& files) {
    DisplayFilter filter;
    if (std::all_of(text.begin(), text.end(),
                    [](unsigned char c) { return std::isspace(c) != 0; })) {
        return filter;
    }
    filter.root_ = Parser(text, classes, files).parse();
    return filter;
}

bool DisplayFilter::matches(const PacketResult& p, std::size_t index) const {
    return root_ == nullptr || evaluate(*root_, p, index);
}

std::string displayFilterFor(const std::string& field, const PacketResult& p, std::size_t index,
                             const std::vector<std::string>& classes,
                             const std::vector<std::string>& files) {
    const PacketRecord& r = p.record;
    if (field == "number") {
        return "number == " + std::to_string(index + 1);
    }
    if (field == "ip.src" || field == "ip.dst") {
        const IpAddress& a = field == "ip.src" ? r.src : r.dst;
        return a.version == 0 ? std::string() : field + " == " + a.toString();
    }
    if (field == "proto") {
        return "proto == " + lower(protocolName(r.protocol));
    }
    if (field == "len") {
        return "len == " + std::to_string(r.wireLength);
    }
    if (field == "label") {
        return "label == " + quoted(classes[p.classIndex]);
    }
    if (field == "truth") {
        return p.truth < 0 ? std::string()
                           : "truth == " + quoted(classes[static_cast<std::size_t>(p.truth)]);
    }
    if (field == "confidence") {
        char text[32];
        std::snprintf(text, sizeof text, "confidence >= %.3f",
                      static_cast<double>(p.confidence) - 0.0005);
        return text;
    }
    if (field == "file") {
        return "file == " + quoted(baseName(files[r.fileIndex]));
    }
    if (field == "flow") {
        return "flow == " + std::to_string(r.flowId);
    }
    return {};
}

}  // namespace deeppacket
