#include "core/preprocess_options.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/dataset.h"

namespace deeppacket {
namespace {

TEST(PreprocessFlags, EveryFieldIsInTheTableOnceAndCounts) {
    std::set<std::string> keys;
    std::set<std::string> options;
    const PreprocessOptions defaults;
    DatasetOptions cached;
    cached.cacheFolder = "cache";
    const std::string defaultKey = datasetCachePath({}, "folder", defaults, cached);
    for (const auto& f : kPreprocessFlags) {
        EXPECT_TRUE(keys.insert(f.key).second) << f.key;
        EXPECT_TRUE(options.insert(f.option).second) << f.option;
        // Each field makes a difference to equality and to the data-set cache.
        PreprocessOptions changed;
        changed.*f.member = !(changed.*f.member);
        EXPECT_NE(changed, defaults) << f.key;
        EXPECT_NE(datasetCachePath({}, "folder", changed, cached), defaultKey) << f.key;
    }
    // The fields a packet split leaks: maskAll sets exactly those.
    PreprocessOptions all;
    all.maskAll();
    for (const auto& f : kPreprocessFlags) {
        EXPECT_EQ(all.*f.member, f.identifiesFlow || defaults.*f.member) << f.key;
    }
    EXPECT_EQ(keys.size(), 7U);
}

}  // namespace
}  // namespace deeppacket
