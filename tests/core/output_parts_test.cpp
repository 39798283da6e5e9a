// The part files of separate jobs and how merge joins them: names, rows with their flow ids,
// and score counts, including parts that are missing, stray, malformed or hostile.
#include "core/output_parts.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(OutputParts, PartOfJobsIsRankSlashCount) {
    EXPECT_EQ(parsePart("0/4"), (std::pair<int, int>{0, 4}));
    EXPECT_EQ(parsePart("3/4"), (std::pair<int, int>{3, 4}));
    for (const char* bad : {"4/4", "1/0", "-1/2", "1", "/2", "a/b", "1/2/3", "99999999999/2"}) {
        EXPECT_THROW(parsePart(bad), PartError) << bad;
    }
}

TEST(OutputParts, FindsEverySetAndRefusesMissingOrStrayParts) {
    test::TempDir dir;
    for (int r = 0; r < 3; ++r) {
        write(dir.path("packets.part-" + std::to_string(r) + "-of-3.csv"), "a\n");
    }
    write(dir.path("scores.part-1-of-2.json"), "{}");
    write(dir.path("scores.part-0-of-2.json"), "{}");
    write(dir.path("packets.csv"), "not a part\n");
    // Not parts: a writer's temporary file, and names that only look like parts.
    write(dir.path("packets.part-0-of-3.csv.tmp-123-1"), "half\n");
    write(dir.path("flows.part-x-of-3.csv"), "a\n");
    write(dir.path("flows.part-1-of-.csv"), "a\n");
    const auto sets = findParts(dir.path(""));
    ASSERT_EQ(sets.size(), 2u);
    EXPECT_EQ(sets[0].name, "packets.csv");
    EXPECT_EQ(sets[0].paths.size(), 3u);
    EXPECT_NE(sets[0].paths[2].find("part-2-of-3"), std::string::npos);
    EXPECT_EQ(sets[1].name, "scores.json");
    EXPECT_NE(sets[1].paths[0].find("part-0-of-2"), std::string::npos);

    std::remove(dir.path("packets.part-1-of-3.csv").c_str());
    try {
        findParts(dir.path(""));
        FAIL() << "a missing part";
    } catch (const PartError& e) {
        EXPECT_NE(std::string(e.what()).find("part 1 of 3 of packets.csv is missing"),
                  std::string::npos)
            << e.what();
    }
    write(dir.path("packets.part-1-of-3.csv"), "a\n");
    write(dir.path("packets.part-0-of-4.csv"), "a\n");
    EXPECT_THROW(findParts(dir.path("")), PartError);  // parts of 3 and of 4
}

TEST(OutputParts, RowsJoinInOrderAndFlowIdsStayUniqueAndTogether) {
    test::TempDir dir;
    // A file name with a comma, a quote and a line break, as a hostile capture name may have.
    write(dir.path("flows.part-0-of-2.csv"),
          "flow_id,file,packets\n0,a.pcap,3\n1,\"b,\"\"c\"\"\nd.pcap\",2\n");
    write(dir.path("flows.part-1-of-2.csv"), "flow_id,file,packets\n0,e.pcap,1\n2,f.pcap,4\n");
    write(dir.path("packets.part-0-of-2.csv"),
          "file,number,flow_id\na.pcap,1,0\n\"b,\"\"c\"\"\nd.pcap\",2,1\n");
    write(dir.path("packets.part-1-of-2.csv"), "file,number,flow_id\ne.pcap,7,0\nf.pcap,9,2\n");
    std::vector<std::uint64_t> offsets;
    EXPECT_EQ(joinCsvParts({dir.path("flows.part-0-of-2.csv"), dir.path("flows.part-1-of-2.csv")},
                           dir.path("flows.csv"), offsets),
              4u);
    EXPECT_EQ(offsets, (std::vector<std::uint64_t>{0, 2}));
    EXPECT_EQ(read(dir.path("flows.csv")),
              "flow_id,file,packets\n0,a.pcap,3\n1,\"b,\"\"c\"\"\nd.pcap\",2\n2,e.pcap,1\n"
              "4,f.pcap,4\n");
    // The packets move by the flows' offsets: each keeps its flow.
    EXPECT_EQ(
        joinCsvParts({dir.path("packets.part-0-of-2.csv"), dir.path("packets.part-1-of-2.csv")},
                     dir.path("packets.csv"), offsets),
        4u);
    EXPECT_EQ(read(dir.path("packets.csv")),
              "file,number,flow_id\na.pcap,1,0\n\"b,\"\"c\"\"\nd.pcap\",2,1\ne.pcap,7,2\n"
              "f.pcap,9,4\n");
}

TEST(OutputParts, AMalformedPartNamesItsFileAndLineAndWritesNothing) {
    test::TempDir dir;
    write(dir.path("a.csv"), "flow_id,file\n0,x\n");
    write(dir.path("other.csv"), "flow,file\n0,x\n");
    write(dir.path("short.csv"), "flow_id,file\n0,x\n1\n");
    write(dir.path("id.csv"), "flow_id,file\n0,x\n-1,y\n");
    write(dir.path("out.csv"), "the user's file\n");
    const std::pair<const char*, const char*> cases[] = {{"other.csv", "header differs"},
                                                         {"short.csv", "short.csv:3: 1 fields"},
                                                         {"id.csv", "id.csv:3: the flow_id"}};
    for (const auto& [file, message] : cases) {
        std::vector<std::uint64_t> offsets;
        try {
            joinCsvParts({dir.path("a.csv"), dir.path(file)}, dir.path("out.csv"), offsets);
            FAIL() << file;
        } catch (const PartError& e) {
            EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
        }
        EXPECT_EQ(read(dir.path("out.csv")), "the user's file\n") << "untouched";
    }
}

ScoresPart scoresOf(int part, std::uint64_t right, std::uint64_t wrong) {
    ScoresPart s;
    s.part = part;
    s.parts = 2;
    s.model = "traffic sae";
    s.labels = "folder";
    s.packets = ConfusionMatrix({"a", "b"});
    s.flows = ConfusionMatrix({"a", "b"});
    s.packets.add(0, 0, right);
    s.packets.add(0, 1, wrong);
    s.packets.add(1, 1, right);
    s.flows.add(1, 1, 1);
    return s;
}

TEST(OutputParts, ScoresRoundTripAndAddUpExactly) {
    const ScoresPart first = parseScoresPart(scoresPartJson(scoresOf(0, 5, 1)), "p0");
    EXPECT_EQ(first.packets.at(0, 1), 1u);
    EXPECT_EQ(first.model, "traffic sae");
    const ScoresPart second =
        parseScoresPart(scoresPartJson(scoresOf(1, 10'000'000'000ull, 3)), "p1");
    const Evaluation merged = mergeScores({first, second});
    EXPECT_EQ(merged.packets.at(0, 0), 10'000'000'005ull);
    EXPECT_EQ(merged.packets.at(0, 1), 4u);
    EXPECT_EQ(merged.flows.at(1, 1), 2u);

    ScoresPart other = scoresOf(1, 1, 1);
    other.model = "application cnn";
    EXPECT_THROW(mergeScores({first, other}), PartError);
}

TEST(OutputParts, HostileScoresAreRefusedWithTheirName) {
    const std::string good = scoresPartJson(scoresOf(0, 5, 1));
    const std::string cases[] = {
        "not json",
        "[]",
        R"({"format":"deeppacket-scores-part","version":2})",
        R"({"format":"deeppacket-scores-part","version":1,"part":0,"parts":1,"model":"m",)"
        R"("labels":"l","classes":["a","b"],"packets":[[1,2]],"flows":[[0,0],[0,0]]})",
        R"({"format":"deeppacket-scores-part","version":1,"part":0,"parts":1,"model":"m",)"
        R"("labels":"l","classes":["a","b"],"packets":[[1,-2],[0,0]],"flows":[[0,0],[0,0]]})",
        R"({"format":"deeppacket-scores-part","version":1,"part":0,"parts":1,"model":"m",)"
        R"("labels":"l","classes":["a",2],"packets":[[1,2],[0,0]],"flows":[[0,0],[0,0]]})",
        R"({"format":"deeppacket-scores-part","version":1,"part":0,"parts":1,"model":"m",)"
        R"("labels":"l","classes":["a","b"],"packets":[[1,2.5],[0,0]],"flows":[[0,0],[0,0]]})",
    };
    for (const auto& text : cases) {
        try {
            parseScoresPart(text, "scores.part-0-of-1.json");
            FAIL() << text;
        } catch (const PartError& e) {
            EXPECT_EQ(std::string(e.what()).rfind("scores.part-0-of-1.json: ", 0), 0u) << e.what();
        }
    }
    EXPECT_NO_THROW(parseScoresPart(good, "fine"));
}

TEST(OutputParts, ScoresThatWouldTakeMoreMemoryThanTheyHoldAreRefused) {
    test::TempDir dir;
    // 50,000 classes and as many empty rows: a few hundred kilobytes that claim a matrix of
    // 20 GB. Refused from the rows' sizes, before any matrix is made.
    std::string classes;
    std::string rows;
    for (int c = 0; c < 50000; ++c) {
        classes += (c ? ",\"" : "\"") + std::to_string(c) + "\"";
        rows += c ? ",[]" : "[]";
    }
    const std::string claim =
        R"({"format":"deeppacket-scores-part","version":1,"part":0,"parts":1,"model":"m",)"
        R"("labels":"l","classes":[)" +
        classes + R"(],"packets":[)" + rows + R"(],"flows":[)" + rows + "]}";
    write(dir.path("scores.part-0-of-1.json"), claim);
    try {
        readScoresPart(dir.path("scores.part-0-of-1.json"));
        FAIL() << "a claim of 50,000 classes without their counts";
    } catch (const PartError& e) {
        EXPECT_NE(std::string(e.what()).find("row 1 of the packet counts"), std::string::npos)
            << e.what();
    }
    // A file larger than any part's scores is refused before it is read (a sparse file here).
    const std::string large = dir.path("scores.part-0-of-2.json");
    write(large, scoresPartJson(scoresOf(0, 5, 1)));
    std::filesystem::resize_file(large, (64ull << 20) + 1);
    try {
        readScoresPart(large);
        FAIL() << "a scores file of 64 MiB";
    } catch (const PartError& e) {
        EXPECT_NE(std::string(e.what()).find("too large"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind(large, 0), 0u) << e.what();
    }
    write(large, scoresPartJson(scoresOf(0, 5, 1)));
    EXPECT_EQ(readScoresPart(large).packets.at(0, 0), 5u);
}

TEST(OutputParts, AnUnclosedQuoteEndsWithAnErrorNotTheRestOfThePartInOneRow) {
    test::TempDir dir;
    write(dir.path("a.csv"), "flow_id,file\n0,x\n");
    std::string runaway = "flow_id,file\n1,\"open\n";
    for (int i = 0; i < 40000; ++i) {
        runaway += "2,a row of a part after the quote that never closes\n";
    }
    write(dir.path("b.csv"), runaway);
    std::vector<std::uint64_t> offsets;
    try {
        joinCsvParts({dir.path("a.csv"), dir.path("b.csv")}, dir.path("out.csv"), offsets);
        FAIL() << "an unclosed quote";
    } catch (const PartError& e) {
        EXPECT_NE(std::string(e.what()).find("b.csv:"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("longer than 1 MiB"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path("out.csv")));
}

}  // namespace
}  // namespace deeppacket
