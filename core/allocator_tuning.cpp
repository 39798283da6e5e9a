#include "core/allocator_tuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace deeppacket {

void tuneAllocatorForInference() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // the largest glibc accepts; passes stay below it
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

}  // namespace deeppacket
