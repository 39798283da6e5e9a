#include "core/output_parts.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/atomic_file.h"

namespace deeppacket {
namespace {

constexpr const char* kScoresFormat = "deeppacket-scores-part";
constexpr std::size_t kMostClasses = 100000;
// A part's scores hold two square matrices of counts: 64 MiB is thousands of classes. Checked
// before reading, so that a file from elsewhere cannot make the parser allocate without bound.
constexpr std::uint64_t kMostScoresBytes = 64ull << 20;
// A row of packets.csv or flows.csv is well under a kilobyte: a longer one is damage (an
// unclosed quote would otherwise read the rest of the part into one row).
constexpr std::size_t kMostRowBytes = 1u << 20;

bool wholeNumber(const std::string& text) {
    return !text.empty() && text.size() <= 9 &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// One CSV record read from a stream: its text and where each field starts and ends. A quoted
// field may hold commas and line breaks.
struct Record {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> fields;  // [begin, end) in text
};

bool readRecord(std::istream& in, Record& record, std::size_t& line, const std::string& source) {
    record.text.clear();
    record.fields.clear();
    std::string piece;
    bool quoted = false;
    bool any = false;
    while (std::getline(in, piece)) {
        ++line;
        if (any) {
            record.text += '\n';
        }
        any = true;
        record.text += piece;
        if (record.text.size() > kMostRowBytes) {
            throw PartError(source + ":" + std::to_string(line) +
                            ": a row longer than 1 MiB (an unclosed quote?)");
        }
        for (char c : piece) {
            quoted = c == '"' ? !quoted : quoted;
        }
        if (!quoted) {
            break;
        }
    }
    if (!any) {
        return false;
    }
    if (!record.text.empty() && record.text.back() == '\r') {
        record.text.pop_back();
    }
    std::size_t begin = 0;
    quoted = false;
    for (std::size_t i = 0; i <= record.text.size(); ++i) {
        if (i == record.text.size() || (record.text[i] == ',' && !quoted)) {
            record.fields.emplace_back(begin, i);
            begin = i + 1;
        } else if (record.text[i] == '"') {
            quoted = !quoted;
        }
    }
    return true;
}

nlohmann::json countsJson(const ConfusionMatrix& m) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t t = 0; t < m.size(); ++t) {
        nlohmann::json row = nlohmann::json::array();
        for (std::size_t p = 0; p < m.size(); ++p) {
            row.push_back(m.at(t, p));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

ConfusionMatrix countsOf(const nlohmann::json& rows, const std::vector<std::string>& classes,
                         const std::string& source, const char* what) {
    const std::size_t n = classes.size();
    if (!rows.is_array() || rows.size() != n) {
        throw PartError(source + ": the " + std::string(what) + " counts are not " +
                        std::to_string(n) + " rows");
    }
    // Every row's size first: the matrix is allocated only for counts the file holds.
    for (std::size_t t = 0; t < n; ++t) {
        if (!rows[t].is_array() || rows[t].size() != n) {
            throw PartError(source + ": row " + std::to_string(t + 1) + " of the " + what +
                            " counts does not have " + std::to_string(n) + " counts");
        }
    }
    ConfusionMatrix m(classes);
    for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t p = 0; p < n; ++p) {
            if (!rows[t][p].is_number_unsigned()) {
                throw PartError(source + ": a " + std::string(what) +
                                " count is not a whole number");
            }
            m.add(t, p, rows[t][p].get<std::uint64_t>());
        }
    }
    return m;
}

// A part's file name, NAME.part-R-of-N[.EXT], as partFileName() makes it: the file it is a part
// of (NAME.EXT), R and N. Nothing for any other name.
struct PartName {
    std::string of;
    int rank = 0;
    int parts = 0;
};

std::optional<PartName> partNameOf(const std::string& file) {
    const auto at = file.rfind(".part-");
    if (at == std::string::npos) {
        return std::nullopt;
    }
    const std::string rest = file.substr(at + 6);
    const auto of = rest.find("-of-");
    const auto dot = rest.find('.', of == std::string::npos ? 0 : of);
    if (of == std::string::npos) {
        return std::nullopt;
    }
    const std::string rank = rest.substr(0, of);
    const std::string parts = rest.substr(of + 4, dot == std::string::npos ? dot : dot - of - 4);
    const std::string extension = dot == std::string::npos ? "" : rest.substr(dot);
    if (!wholeNumber(rank) || !wholeNumber(parts) || rank.size() > 6 || parts.size() > 6 ||
        extension.find('.', 1) != std::string::npos) {
        return std::nullopt;
    }
    return PartName{file.substr(0, at) + extension, std::stoi(rank), std::stoi(parts)};
}

}  // namespace

std::pair<int, int> parsePart(const std::string& text) {
    const auto slash = text.find('/');
    const std::string rank = text.substr(0, slash);
    const std::string parts = slash == std::string::npos ? "" : text.substr(slash + 1);
    if (!wholeNumber(rank) || !wholeNumber(parts) || std::stoi(parts) == 0 ||
        std::stoi(rank) >= std::stoi(parts)) {
        throw PartError("--part takes R/N, the part R of N counted from 0 (as 0/4 to 3/4), not '" +
                        text + "'");
    }
    return {std::stoi(rank), std::stoi(parts)};
}

std::vector<PartSet> findParts(const std::string& folder) {
    // name -> (parts, rank -> path)
    std::map<std::string, std::pair<int, std::map<int, std::string>>> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::optional<PartName> part = partNameOf(entry.path().filename().string());
        if (!part) {
            continue;
        }
        const std::string& name = part->of;
        const int rank = part->rank;
        const int parts = part->parts;
        auto& [count, paths] =
            found.try_emplace(name, parts, std::map<int, std::string>{}).first->second;
        if (parts != count || rank >= parts) {
            throw PartError(entry.path().string() + ": a part of " + name + " out of " +
                            std::to_string(parts) + " where the others are out of " +
                            std::to_string(count));
        }
        paths[rank] = entry.path().string();
    }
    if (ec) {
        throw PartError(folder + ": " + ec.message());
    }
    std::vector<PartSet> sets;
    for (const auto& [name, numbered] : found) {
        const auto& [parts, paths] = numbered;
        PartSet set{name, {}};
        for (int r = 0; r < parts; ++r) {
            const auto it = paths.find(r);
            if (it == paths.end()) {
                throw PartError(folder + ": part " + std::to_string(r) + " of " +
                                std::to_string(parts) + " of " + name + " is missing");
            }
            set.paths.push_back(it->second);
        }
        sets.push_back(std::move(set));
    }
    return sets;
}

std::uint64_t joinCsvParts(const std::vector<std::string>& parts, const std::string& output,
                           std::vector<std::uint64_t>& offsets) {
    const bool given = offsets.size() == parts.size();
    if (!given) {
        offsets.assign(parts.size(), 0);
    }
    AtomicFile out(output);
    std::string buffer;
    std::string header;
    std::uint64_t rows = 0;
    std::uint64_t next = 0;  // the first id free for the next part
    for (std::size_t p = 0; p < parts.size(); ++p) {
        std::ifstream in(parts[p], std::ios::binary);
        if (!in) {
            throw PartError(parts[p] + ": cannot be read");
        }
        Record record;
        std::size_t line = 0;
        if (!readRecord(in, record, line, parts[p])) {
            throw PartError(parts[p] + ": empty (no header)");
        }
        if (p == 0) {
            header = record.text;
            buffer = header + "\n";
        } else if (record.text != header) {
            throw PartError(parts[p] + ": its header differs from " + parts[0] + "'s");
        }
        const std::size_t columns = record.fields.size();
        std::size_t flowColumn = std::string::npos;
        for (std::size_t c = 0; c < columns; ++c) {
            const auto [b, e] = record.fields[c];
            if (record.text.compare(b, e - b, "flow_id") == 0) {
                flowColumn = c;
            }
        }
        const std::uint64_t offset = given ? offsets[p] : next;
        offsets[p] = offset;
        std::uint64_t largest = 0;
        bool anyFlow = false;
        while (readRecord(in, record, line, parts[p])) {
            if (record.text.empty()) {
                continue;
            }
            if (record.fields.size() != columns) {
                throw PartError(parts[p] + ":" + std::to_string(line) + ": " +
                                std::to_string(record.fields.size()) + " fields, the header has " +
                                std::to_string(columns));
            }
            if (flowColumn == std::string::npos) {
                buffer += record.text;
            } else {
                const auto [b, e] = record.fields[flowColumn];
                const std::string id = record.text.substr(b, e - b);
                if (id.empty() || id.size() > 18 ||
                    !std::all_of(id.begin(), id.end(),
                                 [](unsigned char c) { return std::isdigit(c); })) {
                    throw PartError(parts[p] + ":" + std::to_string(line) +
                                    ": the flow_id is not a whole number");
                }
                const std::uint64_t value = std::stoull(id);
                largest = std::max(largest, value);
                anyFlow = true;
                buffer.append(record.text, 0, b);
                buffer += std::to_string(value + offset);
                buffer.append(record.text, e, std::string::npos);
            }
            buffer += '\n';
            ++rows;
            if (buffer.size() > (1u << 20)) {
                out.write(buffer);
                buffer.clear();
            }
        }
        next = anyFlow ? std::max(next, offset + largest + 1) : std::max(next, offset);
    }
    out.write(buffer);
    out.commit();
    return rows;
}

std::string scoresPartJson(const ScoresPart& s) {
    const nlohmann::json doc = {{"format", kScoresFormat},
                                {"version", 1},
                                {"part", s.part},
                                {"parts", s.parts},
                                {"model", s.model},
                                {"labels", s.labels},
                                {"classes", s.packets.classes()},
                                {"packets", countsJson(s.packets)},
                                {"flows", countsJson(s.flows)}};
    return doc.dump(1) + "\n";
}

ScoresPart parseScoresPart(const std::string& text, const std::string& source) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw PartError(source + ": not JSON");
    }
    if (!doc.is_object() || doc.value("format", "") != kScoresFormat ||
        doc.value("version", 0) != 1) {
        throw PartError(source + ": not the scores of a part (" + kScoresFormat + ", version 1)");
    }
    ScoresPart s;
    const auto& classes = doc["classes"];
    if (!doc["part"].is_number_unsigned() || !doc["parts"].is_number_unsigned() ||
        !doc["model"].is_string() || !doc["labels"].is_string() || !classes.is_array() ||
        classes.size() > kMostClasses) {
        throw PartError(source + ": part, parts, model, labels or classes is missing or wrong");
    }
    std::vector<std::string> names;
    for (const auto& name : classes) {
        if (!name.is_string()) {
            throw PartError(source + ": a class name is not text");
        }
        names.push_back(name.get<std::string>());
    }
    s.part = static_cast<int>(std::min<std::uint64_t>(doc["part"].get<std::uint64_t>(), 1u << 30));
    s.parts =
        static_cast<int>(std::min<std::uint64_t>(doc["parts"].get<std::uint64_t>(), 1u << 30));
    s.model = doc["model"].get<std::string>();
    s.labels = doc["labels"].get<std::string>();
    s.packets = countsOf(doc["packets"], names, source, "packet");
    s.flows = countsOf(doc["flows"], names, source, "flow");
    return s;
}

ScoresPart readScoresPart(const std::string& path) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) {
        throw PartError(path + ": cannot be read: " + ec.message());
    }
    if (size > kMostScoresBytes) {
        throw PartError(path + ": " + std::to_string(size) +
                        " bytes, too large for the scores of a part");
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) {
        throw PartError(path + ": cannot be read");
    }
    return parseScoresPart(text, path);
}

Evaluation mergeScores(const std::vector<ScoresPart>& parts) {
    if (parts.empty()) {
        throw PartError("no scores to merge");
    }
    const ScoresPart& first = parts.front();
    ConfusionMatrix packets(first.packets.classes());
    ConfusionMatrix flows(first.flows.classes());
    for (const auto& part : parts) {
        if (part.packets.classes() != first.packets.classes() || part.model != first.model ||
            part.labels != first.labels) {
            throw PartError("part " + std::to_string(part.part) + " was scored by " + part.model +
                            " against " + part.labels + ", part " + std::to_string(first.part) +
                            " by " + first.model + " against " + first.labels);
        }
        const std::size_t n = packets.size();
        for (std::size_t t = 0; t < n; ++t) {
            for (std::size_t p = 0; p < n; ++p) {
                packets.add(t, p, part.packets.at(t, p));
                flows.add(t, p, part.flows.at(t, p));
            }
        }
    }
    return evaluate(packets, flows);
}

}  // namespace deeppacket
