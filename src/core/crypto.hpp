// core/crypto: the few cryptographic primitives hirag needs (OpenSSL underneath).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace hirag {

using Sha256 = std::array<uint8_t, 32>;

Sha256 sha256(std::string_view data);
std::string to_hex(const uint8_t* data, size_t size);
// `bytes` bytes from the OS CSPRNG, hex encoded (2 * bytes characters).
std::string random_hex(size_t bytes);
// Equality that takes the same time whatever the contents (for secrets).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace hirag
