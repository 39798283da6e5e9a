#pragma once

namespace deeppacket {

// Makes the C library keep the large, short-lived activation buffers of forward passes in the
// process heap, instead of mapping fresh pages from the kernel for each batch and faulting them
// in (glibc maps blocks above a moving threshold). Measured here: without it the CNN's speed
// depended on what the process had allocated before, between 0.45 k and 3 k packets/s. Called
// once by programs that run networks; a no-op elsewhere. Memory stays bounded by the peak use.
void tuneAllocatorForInference();

}  // namespace deeppacket
