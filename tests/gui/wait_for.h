#pragma once

#include <QElapsedTimer>
#include <QTest>

#include <functional>

namespace deeppacket::test {

// Runs the event loop until `done` holds or `ms` pass; true when it held.
inline bool waitFor(const std::function<bool()>& done, int ms = 20000) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > ms) {
            return false;
        }
        // Waits rather than spins: a busy GUI thread would take a core from the worker.
        QTest::qWait(5);
    }
    return true;
}

}  // namespace deeppacket::test
