#pragma once
// A read buffer over an inflating zip entry that counts the bytes it inflates and stops when the
// entry grows beyond the limits (a zip bomb), remembering why instead of throwing through the
// XML parser that reads from it.

#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

#include "ingest/xlsx/zip_limits.hpp"

namespace namnd {

class BoundedInflateBuffer : public std::streambuf {
 public:
  enum class Fault { None, TooLarge, RatioTooHigh, Corrupt };

  // compressedBytes: what the entry occupies in the archive (for the ratio).
  BoundedInflateBuffer(std::istream& inflating, std::uint64_t compressedBytes,
                       const ZipLimits& limits);

  Fault fault() const { return fault_; }
  const std::string& faultDetail() const { return faultDetail_; }  // for Corrupt

 protected:
  int_type underflow() override;

 private:
  int_type fail(Fault fault, std::string detail = {});

  std::istream& inflating_;
  std::uint64_t compressedBytes_;
  ZipLimits limits_;
  std::uint64_t inflatedBytes_ = 0;
  std::vector<char> buffer_;
  Fault fault_ = Fault::None;
  std::string faultDetail_;
};

}  // namespace namnd
