#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace deeppacket {

class CsvError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A small CSV table (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Lines starting with
// '#' before the header are comments. The first row is the header.
struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lineNumbers;  // of each row in the text, for error messages

    // Index of a header column (case-insensitive), or npos.
    std::size_t column(const std::string& name) const;
};

// Parses CSV text; `source` names it in error messages (a file name). Every row must have as
// many fields as the header.
CsvTable parseCsv(const std::string& text, const std::string& source);
CsvTable readCsvFile(const std::string& path);  // throws CsvError naming the file

}  // namespace deeppacket
