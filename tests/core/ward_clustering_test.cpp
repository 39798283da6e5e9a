// Ward.D clustering against R: tests/fixtures/ward_reference.txt was written by
// tests/fixtures/ward_reference.R with R 4.2 (hclust(dist(M), method = "ward.D")).
#include "core/ward_clustering.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

namespace deeppacket {
namespace {

struct Reference {
    std::string name;
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<double> matrix;
    std::vector<std::array<int, 2>> merge;
    std::vector<double> height;
    std::vector<std::size_t> order;  // 1-based, as R prints it
    std::vector<int> cut3;
};

std::vector<Reference> readReferences() {
    std::ifstream in(DEEPPACKET_FIXTURES "/ward_reference.txt");
    std::vector<Reference> refs;
    std::string word;
    while (in >> word) {
        if (word == "matrix") {
            Reference r;
            in >> r.name >> r.rows >> r.columns;
            r.matrix.resize(r.rows * r.columns);
            for (auto& v : r.matrix) {
                in >> v;
            }
            refs.push_back(r);
        } else if (word == "merge") {
            auto& r = refs.back();
            r.merge.resize(r.rows - 1);
            for (auto& m : r.merge) {
                in >> m[0] >> m[1];
            }
        } else if (word == "height") {
            auto& r = refs.back();
            r.height.resize(r.rows - 1);
            for (auto& h : r.height) {
                in >> h;
            }
        } else if (word == "order") {
            auto& r = refs.back();
            r.order.resize(r.rows);
            for (auto& o : r.order) {
                in >> o;
            }
        } else if (word == "cutree3") {
            auto& r = refs.back();
            r.cut3.resize(r.rows);
            for (auto& c : r.cut3) {
                in >> c;
            }
        }
    }
    return refs;
}

TEST(WardClustering, SameMergesHeightsAndOrderAsR) {
    const auto refs = readReferences();
    ASSERT_EQ(refs.size(), 3u);
    for (const auto& r : refs) {
        SCOPED_TRACE(r.name);
        const Dendrogram tree = clusterRows(r.matrix, r.rows, r.columns);
        ASSERT_EQ(tree.leaves, r.rows);
        EXPECT_EQ(tree.merge, r.merge);
        ASSERT_EQ(tree.height.size(), r.height.size());
        for (std::size_t i = 0; i < r.height.size(); ++i) {
            EXPECT_NEAR(tree.height[i], r.height[i], 1e-12) << "merge " << i + 1;
        }
        ASSERT_EQ(tree.order.size(), r.order.size());
        for (std::size_t i = 0; i < r.order.size(); ++i) {
            EXPECT_EQ(tree.order[i] + 1, r.order[i]) << "position " << i;
        }
        EXPECT_EQ(tree.cut(3), r.cut3);
    }
}

TEST(WardClustering, SmallAndDegenerateInputs) {
    const Dendrogram none = clusterRows({}, 0, 0);
    EXPECT_EQ(none.leaves, 0u);
    EXPECT_TRUE(none.merge.empty());
    const Dendrogram one = clusterRows({1.0, 0.0}, 1, 2);
    EXPECT_EQ(one.order, std::vector<std::size_t>{0});
    EXPECT_EQ(one.newick({"A"}), "A;");
    const Dendrogram two = clusterRows({1.0, 0.0, 0.0, 1.0}, 2, 2);
    ASSERT_EQ(two.merge.size(), 1u);
    EXPECT_EQ(two.merge[0], (std::array<int, 2>{-1, -2}));
    EXPECT_NEAR(two.height[0], std::sqrt(2.0), 1e-15);
    EXPECT_EQ(two.cut(1), (std::vector<int>{1, 1}));
    EXPECT_EQ(two.cut(2), (std::vector<int>{1, 2}));
    EXPECT_EQ(two.cut(5), (std::vector<int>{1, 2}));
    EXPECT_THROW(wardD({1.0, 2.0}, 2), std::invalid_argument);
}

TEST(WardClustering, NewickAndJson) {
    // Leaves A and B are close, C is far: ((A,B),C).
    const Dendrogram tree = clusterRows({0, 0, 0, 1, 10, 10}, 3, 2);
    EXPECT_EQ(tree.merge[0], (std::array<int, 2>{-1, -2}));
    const std::string newick = tree.newick({"A", "B", "VPN: Chat"});
    EXPECT_EQ(newick.front(), '(');
    EXPECT_NE(newick.find("(A:1,B:1)"), std::string::npos) << newick;
    EXPECT_NE(newick.find("'VPN: Chat':"), std::string::npos) << newick;
    EXPECT_EQ(newick.back(), ';');
    const nlohmann::json json = tree.json({"A", "B", "C"});
    EXPECT_EQ(json["merge"], nlohmann::json::parse("[[-1, -2], [-3, 1]]")) << json;
    EXPECT_EQ(json["order"], nlohmann::json::parse("[2, 0, 1]")) << json;
}

}  // namespace
}  // namespace deeppacket
