#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/evaluation_report.h"

// The parts of one run's output written by separate jobs (`--part R/N`, or the workers of a
// group): packets.part-R-of-N.csv, flows.part-R-of-N.csv and scores.part-R-of-N.json, and how
// `merge` joins them into the files of one run.

namespace deeppacket {

class PartError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// "R/N" (0 <= R < N), as --part takes it. Throws PartError saying what is wrong.
std::pair<int, int> parsePart(const std::string& text);

// The parts of one output file found in a folder.
struct PartSet {
    std::string name;                // packets.csv
    std::vector<std::string> paths;  // by rank: part 0 first
};

// Every set of parts in `folder`, by name. Throws PartError naming the file when a name's parts
// disagree on their number N, or when a part is missing or stray (R >= N).
std::vector<PartSet> findParts(const std::string& folder);

// Joins CSV parts in rank order into `output` (written whole or not at all): one header (every
// part's must be the same), the rows in order. A `flow_id` column counts flows within each
// part, so each part's ids are moved past those of the parts before it: the ids stay unique.
// `offsets` gives what each part's ids move by; empty, it is filled (each part starts past the
// largest id before it), so that joining flows.csv first and packets.csv with its offsets keeps
// every packet with its flow. Reads a row at a time: parts larger than memory join. Returns the
// rows written. Throws PartError naming the file and line of a malformed row (or of one over
// 1 MiB, which no such file holds).
std::uint64_t joinCsvParts(const std::vector<std::string>& parts, const std::string& output,
                           std::vector<std::uint64_t>& offsets);

// One part's scores: the packet and flow confusion counts, with what they were counted by.
struct ScoresPart {
    int part = 0;
    int parts = 1;
    std::string model;   // the packet model's name and classes, as a run describes it
    std::string labels;  // the label scheme
    ConfusionMatrix packets{{}};
    ConfusionMatrix flows{{}};
};

std::string scoresPartJson(const ScoresPart& scores);
// Throws PartError naming `source` when the text is not such a part, or is inconsistent
// (matrix sizes, counts that are not whole numbers).
ScoresPart parseScoresPart(const std::string& text, const std::string& source);
// The same, read from a file (refused, naming it, when larger than any part's scores).
ScoresPart readScoresPart(const std::string& path);

// The parts' counts added up (PartError when they were counted by other models or labels).
Evaluation mergeScores(const std::vector<ScoresPart>& parts);

}  // namespace deeppacket
