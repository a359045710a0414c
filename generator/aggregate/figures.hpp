#pragma once
// The exact amounts (öre) a budget follow-up needs for one org node.

#include <cstdint>

namespace namnd {

struct Figures {
  std::int64_t ackUtfall = 0;    // utfall January through the period
  std::int64_t ackBudget = 0;    // periodised budget January through the period
  std::int64_t helarBudget = 0;  // budget for the whole year

  std::int64_t ackAvvikelse() const { return ackBudget - ackUtfall; }  // positive = överskott

  Figures& operator+=(const Figures& other) {
    ackUtfall += other.ackUtfall;
    ackBudget += other.ackBudget;
    helarBudget += other.helarBudget;
    return *this;
  }
  bool operator==(const Figures&) const = default;
};

}  // namespace namnd
