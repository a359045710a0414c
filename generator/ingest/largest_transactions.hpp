#pragma once
// While a ledger is read: the rows with the largest |belopp| of each ansvar and month, whole
// (texts, date, verifikation), for the drill-down that answers "why?". Every row of a large
// import passes through here, so a row that is not kept costs a hash lookup and a compare —
// no allocation; only a kept row copies its texts.
//
// A large ledger keeps a quarter of its rows (50 of ~200 per ansvar and month), so the kept rows
// travel to the store packed (KeptTransactions), not as one LedgerTransaction of eight strings
// each: that would cost the import more than all its other work on them together.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger_transaction.hpp"
#include "core/period.hpp"

namespace namnd {

// The texts of an offered row; views, copied only when the row is kept.
struct TransactionTexts {
  std::string_view konto;
  std::string_view verksamhet;
  std::string_view projekt;
  std::string_view datum;
  std::string_view vernr;
  std::string_view text;
  std::string_view motpart;
};

// Kept ledger rows, packed: per ansvar and month, each row's texts in one string.
class KeptTransactions {
 public:
  // One row, as views into the list (valid while the list lives and is not added to).
  struct Row {
    Period period;
    std::string_view ansvar;
    TransactionTexts texts;
    std::int64_t ore = 0;
  };

  KeptTransactions() = default;
  // The rows in the order given (tests, and a store that hands rows back).
  static KeptTransactions of(const std::vector<LedgerTransaction>& rows);

  // Adds a row after the others of its ansvar and month (a linear search: for short lists).
  void add(Period period, std::string_view ansvar, std::int64_t ore, const TransactionTexts& texts);

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Every row ordered by period, ansvar and largest |ore| first; rows that tie keep the order
  // they were added in.
  template <typename Visit>
  void forEach(Visit&& visit) const {
    for (const std::size_t g : groupOrder())
      for (const std::uint32_t r : rowOrder(groups_[g])) visit(row(groups_[g], r));
  }
  std::vector<LedgerTransaction> toTransactions() const;

 private:
  friend class LargestTransactions;
  struct Packed {
    std::string texts;  // the TransactionTexts, each length-prefixed
    std::int64_t ore = 0;
  };
  struct Group {
    Period period;
    std::string ansvar;
    std::vector<Packed> rows;
    bool ordered = true;  // rows already largest |ore| first
  };
  std::vector<std::size_t> groupOrder() const;
  static std::vector<std::uint32_t> rowOrder(const Group& group);
  static Row row(const Group& group, std::uint32_t index);

  std::vector<Group> groups_;
  std::size_t size_ = 0;
};

class LargestTransactions {
 public:
  explicit LargestTransactions(int perKey = kStoredTransactionsPerAnsvarMonth);

  // Offers one row. `order` is its place in the file (the line): of two rows with the same
  // |ore| the one with the smaller order is kept, so the result does not depend on how the file
  // was shared out among readers. `texts()` is called only when the row is kept; the views it
  // returns must live until offer() returns.
  template <typename Texts>
  void offer(std::string_view ansvar, Period period, std::int64_t ore, std::int64_t order,
             Texts&& texts) {
    Bucket& bucket = bucketFor(ansvar, period);
    const std::int64_t size = magnitude(ore);
    if (bucket.full() && (bucket.heap.empty() || !better({size, order, 0}, bucket.worst()))) return;
    keep(bucket, ore, size, order, texts());
  }

  // Offers one row whose place among rows of the same |ore| is decided by its contents rather
  // than its line, so that the kept rows and their order do not depend on the order of the
  // file's rows (an export sorted differently gives the same report). `texts()` is called only
  // when the row could be kept.
  template <typename Texts>
  void offerByContent(std::string_view ansvar, Period period, std::int64_t ore, Texts&& texts) {
    Bucket& bucket = bucketFor(ansvar, period);
    const std::int64_t size = magnitude(ore);
    if (bucket.full() && (bucket.heap.empty() || size < bucket.worst().size)) return;
    const TransactionTexts kept = texts();
    const std::int64_t order = contentOrder(kept);
    if (bucket.full() && !better({size, order, 0}, bucket.worst())) return;
    keep(bucket, ore, size, order, kept);
  }

  // Adds the rows another collector kept (a later stretch of the same file, or another file).
  void absorb(LargestTransactions&& other);

  // The kept rows ordered by period, ansvar, largest |ore| first and then order; the collector
  // is empty afterwards.
  KeptTransactions take();

 private:
  struct Entry {
    std::int64_t size = 0;   // |ore|
    std::int64_t order = 0;  // place in the file
    std::uint32_t slot = 0;  // index into Bucket::slots
  };
  // Worse entries first in the heap: smaller |ore|, and of equal ones the later in the file.
  static bool better(const Entry& a, const Entry& b) {
    return a.size != b.size ? a.size > b.size : a.order < b.order;
  }
  // A kept row's texts, packed into one string whose buffer is reused when the row is evicted:
  // after the first rows of a bucket, keeping a row allocates nothing.
  using Slot = KeptTransactions::Packed;
  struct Bucket {
    std::string ansvar;
    Period period;
    std::size_t capacity = 0;
    std::vector<Entry> heap;  // a heap with the worst kept entry on top
    std::vector<Slot> slots;

    bool full() const { return heap.size() >= capacity; }
    const Entry& worst() const { return heap.front(); }
  };
  // Open addressing over the buckets: one probe compares a stored hash and the month before
  // the bucket's code is looked at.
  struct IndexSlot {
    std::uint64_t hash = 0;
    std::uint32_t bucketPlusOne = 0;  // 0: empty
    int period = 0;
  };

  static std::int64_t magnitude(std::int64_t ore) { return ore < 0 ? -ore : ore; }
  // A non-negative key from every text of the row: equal only for rows that read the same.
  static std::int64_t contentOrder(const TransactionTexts& texts);
  static std::uint64_t keyHash(std::string_view ansvar, Period period);

  Bucket& bucketFor(std::string_view ansvar, Period period) {
    // Exports come in runs of one ansvar or one voucher: the last bucket is often the one.
    if (last_ < buckets_.size()) {
      Bucket& bucket = buckets_[last_];
      if (bucket.period == period && bucket.ansvar == ansvar) return bucket;
    }
    return findOrAddBucket(ansvar, period);
  }
  Bucket& findOrAddBucket(std::string_view ansvar, Period period);
  void growIndex();
  // The slot to fill for an entry that is kept: a new one, or the evicted worst one's.
  Slot& slotFor(Bucket& bucket, std::int64_t size, std::int64_t order);
  void keep(Bucket& bucket, std::int64_t ore, std::int64_t size, std::int64_t order,
            const TransactionTexts& texts);

  std::size_t perKey_;
  std::vector<Bucket> buckets_;
  std::vector<IndexSlot> index_;  // a power of two in size, at most half full
  std::size_t last_ = static_cast<std::size_t>(-1);
};

}  // namespace namnd
