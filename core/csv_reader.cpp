#include "core/csv_reader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace deeppacket {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::size_t CsvTable::column(const std::string& name) const {
    const std::string wanted = lower(name);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (lower(header[i]) == wanted) {
            return i;
        }
    }
    return std::string::npos;
}

CsvTable parseCsv(const std::string& text, const std::string& source) {
    CsvTable table;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    std::size_t line = 1;
    std::size_t rowLine = 1;
    bool atRowStart = true;

    auto endField = [&] {
        row.push_back(fieldWasQuoted ? field : trim(field));
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        const bool blank = row.size() == 1 && row[0].empty();
        if (!blank) {
            if (table.header.empty()) {
                table.header = std::move(row);
            } else {
                if (row.size() != table.header.size()) {
                    throw CsvError(source + ":" + std::to_string(rowLine) + ": " +
                                   std::to_string(row.size()) + " fields, the header has " +
                                   std::to_string(table.header.size()));
                }
                table.rows.push_back(std::move(row));
                table.lineNumbers.push_back(rowLine);
            }
        }
        row.clear();
        atRowStart = true;
    };

    // A UTF-8 byte order mark, as Excel's "CSV UTF-8" writes, is not part of the first name.
    const std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (atRowStart) {
            rowLine = line;
            atRowStart = false;
            if (c == '#' && table.header.empty()) {  // comment line before the header
                while (i < text.size() && text[i] != '\n') {
                    ++i;
                }
                ++line;
                atRowStart = true;
                continue;
            }
        }
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') {
                    ++line;
                }
                field += c;
            }
            continue;
        }
        if (c == '"' && trim(field).empty()) {
            quoted = true;
            fieldWasQuoted = true;
            field.clear();
        } else if (c == ',') {
            endField();
        } else if (c == '\n') {
            endRow();
            ++line;
        } else if (c != '\r') {
            field += c;
        }
    }
    if (quoted) {
        throw CsvError(source + ":" + std::to_string(rowLine) + ": unterminated quoted field");
    }
    if (!atRowStart || !field.empty() || !row.empty()) {
        endRow();
    }
    if (table.header.empty()) {
        throw CsvError(source + ": no header row");
    }
    return table;
}

CsvTable readCsvFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CsvError(path + ": cannot open file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseCsv(text.str(), path);
}

}  // namespace deeppacket
