// The "xref" FTS5 tokenizer on ICU. See tokenizer.h for what it produces.
//
// Text is segmented by ICU's word BreakIterator working directly on the UTF-8
// bytes (a UText), so every boundary is already a byte offset. Words are then
// grouped into compounds (words joined by one dash, slash or ampersand, with
// a currency sign before and a per cent sign after) and each compound is
// emitted once, with its parts and numeric values as colocated synonyms.
#include "index/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <new>
#include <optional>
#include <unordered_map>

namespace xref {
namespace {

// Longer "words" (URLs, hashes, runs of digits) are not worth a term.
constexpr size_t kMaxTokenBytes = 128;
// A chain of more words than this is not one compound ("a-b-c-d-...").
constexpr size_t kMaxCompoundWords = 6;

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsCombiningAccent(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// One code point decoded from UTF-8 at `i`; `*next` is the offset after it.
// Invalid bytes decode as a negative value.
UChar32 DecodeAt(std::string_view text, size_t i, size_t* next) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
  *next = static_cast<size_t>(pos);
  return c;
}

// The code point that ends just before `i`; `*prev` is where it starts.
UChar32 DecodeBefore(std::string_view text, size_t i, size_t* prev) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, pos, c);
  *prev = static_cast<size_t>(pos);
  return c;
}

// The connector a compound is joined by, normalised: every dash and the
// slash become '-', so "2023/24", "2023-24" and "2023–24" are one term.
std::optional<char> ConnectorOf(UChar32 c) {
  switch (c) {
    case '-': case '/': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
      return '-';
    case '&':
      return '&';
    default:
      return std::nullopt;
  }
}

bool IsWhitespaceGap(std::string_view gap) {
  size_t i = 0;
  while (i < gap.size()) {
    size_t next;
    UChar32 c = DecodeAt(gap, i, &next);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
    i = next;
  }
  return !gap.empty();
}

// A number as written: integer and fraction digits, thousands separators,
// and a scale suffix ("45m", "1.2bn", "3,500", "12.43").
struct WrittenNumber {
  std::string integer;
  std::string fraction;
  int scale = 0;              // power of ten of the suffix
  bool separators = false;    // had thousands commas
};

// The power of ten a scale word stands for, or 0. Letters alone ("m", "k",
// "bn") count only in a sum of money, where they cannot be metres.
int ScaleOf(std::string_view word, bool in_money) {
  if (word == "thousand") return 3;
  if (word == "million") return 6;
  if (word == "billion") return 9;
  if (word == "trillion") return 12;
  if (in_money) {
    if (word == "k") return 3;
    if (word == "m") return 6;
    if (word == "bn" || word == "b") return 9;
    if (word == "tn") return 12;
  }
  return 0;
}

std::optional<WrittenNumber> ParseNumber(std::string_view w, bool in_money) {
  WrittenNumber n;
  size_t i = 0;
  while (i < w.size() && (std::isdigit(static_cast<unsigned char>(w[i])) || w[i] == ',')) {
    if (w[i] == ',') {
      // A thousands separator is followed by exactly three digits.
      auto digit_at = [&](size_t k) {
        return k < w.size() && std::isdigit(static_cast<unsigned char>(w[k]));
      };
      if (n.integer.empty() || !digit_at(i + 1) || !digit_at(i + 2) || !digit_at(i + 3) ||
          digit_at(i + 4)) {
        return std::nullopt;
      }
      n.separators = true;
    } else {
      n.integer += w[i];
    }
    ++i;
  }
  if (n.integer.empty()) return std::nullopt;
  if (i < w.size() && w[i] == '.') {
    ++i;
    while (i < w.size() && std::isdigit(static_cast<unsigned char>(w[i]))) n.fraction += w[i++];
    if (n.fraction.empty()) return std::nullopt;
  }
  if (i < w.size()) {
    n.scale = ScaleOf(w.substr(i), in_money || w.substr(i) == "bn");
    if (n.scale == 0) return std::nullopt;
  }
  return n;
}

// The number's value as plain decimal digits, exactly (string arithmetic:
// "1.2bn" is 1200000000, not 1199999999.9999998).
std::string ValueDigits(const WrittenNumber& n, int extra_scale) {
  std::string integer = n.integer;
  std::string fraction = n.fraction;
  int shift = n.scale + extra_scale;
  while (shift-- > 0) {
    if (!fraction.empty()) {
      integer += fraction[0];
      fraction.erase(0, 1);
    } else {
      integer += '0';
    }
  }
  size_t nonzero = integer.find_first_not_of('0');
  integer = nonzero == std::string::npos ? "0" : integer.substr(nonzero);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? integer : integer + "." + fraction;
}

struct Word {
  size_t start;
  size_t end;
  std::string folded;
};

// A run of words that is searched as one term, with what surrounds it.
struct Compound {
  size_t first_word = 0;
  size_t last_word = 0;          // inclusive
  size_t start = 0;              // bytes, including a currency sign
  size_t end = 0;                // bytes, including a per cent sign
  std::string currency;          // "£", "$", "€" ... or empty
  bool percent = false;
  std::string text;              // the folded compound as a term
};

class Segmenter {
 public:
  bool ok() const { return words_ != nullptr; }

  Segmenter() {
    UErrorCode err = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) words_.reset();
  }

  // Appends the tokens of `text` to *out.
  void Tokenize(std::string_view text, TokenizeMode mode, std::vector<IndexToken>* out) {
    out->clear();
    if (text.empty() || text.size() > static_cast<size_t>(INT32_MAX) || !ok()) return;
    FindWords(text);
    size_t i = 0;
    while (i < words_found_.size()) {
      Compound c = GroupFrom(text, i);
      i = Emit(text, c, mode, out);
    }
  }

 private:
  void FindWords(std::string_view text) {
    words_found_.clear();
    UErrorCode err = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &err);
    if (U_FAILURE(err)) return;
    words_->setText(&ut, err);
    utext_close(&ut);  // the iterator keeps its own shallow clone
    if (U_FAILURE(err)) return;
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         start = end, end = words_->next()) {
      if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
      size_t s = static_cast<size_t>(start);
      size_t e = static_cast<size_t>(end);
      if (e - s > kMaxTokenBytes) continue;
      std::string folded = FoldWord(text.substr(s, e - s));
      if (folded.empty()) continue;
      words_found_.push_back(Word{s, e, std::move(folded)});
    }
  }

  // The longest compound starting at word `i`.
  Compound GroupFrom(std::string_view text, size_t i) {
    Compound c;
    c.first_word = c.last_word = i;
    c.start = words_found_[i].start;
    c.end = words_found_[i].end;
    c.text = words_found_[i].folded;
    while (c.last_word + 1 < words_found_.size() &&
           c.last_word + 1 - c.first_word < kMaxCompoundWords) {
      const Word& next = words_found_[c.last_word + 1];
      size_t after;
      if (next.start <= c.end) break;
      UChar32 ch = DecodeAt(text, c.end, &after);
      std::optional<char> connector = ch >= 0 ? ConnectorOf(ch) : std::nullopt;
      if (!connector || after != next.start) break;
      c.text += *connector;
      c.text += next.folded;
      c.last_word++;
      c.end = next.end;
    }
    // A currency sign right before a sum: "£45m", "$3bn".
    if (c.start > 0 && std::isdigit(static_cast<unsigned char>(c.text[0]))) {
      size_t prev;
      UChar32 ch = DecodeBefore(text, c.start, &prev);
      if (ch >= 0 && u_charType(ch) == U_CURRENCY_SYMBOL) {
        c.currency = std::string(text.substr(prev, c.start - prev));
        c.start = prev;
      }
    }
    // A per cent sign right after a number: "12%".
    if (c.end < text.size() && text[c.end] == '%' &&
        std::isdigit(static_cast<unsigned char>(c.text.back()))) {
      c.percent = true;
      c.end++;
    }
    return c;
  }

  // Emits the tokens of compound `c`; returns the index of the next word to
  // look at (past a scale word the compound took: "£45 million").
  size_t Emit(std::string_view text, const Compound& c, TokenizeMode mode,
              std::vector<IndexToken>* out) {
    const bool single = c.first_word == c.last_word;
    const Word& first = words_found_[c.first_word];
    const bool in_money = !c.currency.empty();
    std::optional<WrittenNumber> number;
    if (single && !c.percent) number = ParseNumber(first.folded, in_money);

    // A scale word after a number: "£45 million", "3 billion".
    size_t next_word = c.last_word + 1;
    int extra_scale = 0;
    const Word* scale_word = nullptr;
    if (number && number->scale == 0 && next_word < words_found_.size()) {
      const Word& w = words_found_[next_word];
      if (IsWhitespaceGap(text.substr(c.end, w.start - c.end))) {
        extra_scale = ScaleOf(w.folded, in_money);
        if (extra_scale > 0) {
          scale_word = &w;
          next_word++;
        }
      }
    }

    std::string value;  // the number's value as searched, when it differs from its text
    if (number && (number->separators || number->scale > 0 || extra_scale > 0)) {
      value = ValueDigits(*number, extra_scale);
    }
    std::string primary = c.currency + c.text + (c.percent ? "%" : "");

    if (mode == TokenizeMode::kQuery) {
      std::string term = primary;
      if (number && in_money) {
        term = c.currency + (value.empty() ? first.folded : value);
      } else if (!value.empty()) {
        term = value;
      }
      out->push_back(IndexToken{std::move(term), c.start, scale_word ? scale_word->end : c.end, false});
      return next_word;
    }

    // Highlights use the first token's span (FTS5 skips colocated ones), so
    // the compound covers a scale word it took: "[£45 million]".
    const size_t value_end = scale_word ? scale_word->end : c.end;
    const size_t before = out->size();
    auto add = [&](const std::string& term, size_t start, size_t end) {
      for (size_t k = before; k < out->size(); ++k) {
        if ((*out)[k].text == term) return;
      }
      out->push_back(IndexToken{term, start, end, out->size() > before});
    };
    add(primary, c.start, value_end);
    for (size_t k = c.first_word; k <= c.last_word; ++k) {
      const Word& w = words_found_[k];
      add(w.folded, w.start, w.end);
      AddApostropheParts(w, add);
      if (!single) {
        if (std::optional<WrittenNumber> part = ParseNumber(w.folded, false);
            part && (part->separators || part->scale > 0)) {
          add(ValueDigits(*part, 0), w.start, w.end);
        }
      }
    }
    if (!value.empty()) add(value, c.start, value_end);
    if (number && in_money) add(c.currency + (value.empty() ? first.folded : value), c.start, value_end);
    if (scale_word) add(scale_word->folded, scale_word->start, scale_word->end);
    return next_word;
  }

  // "children's" is also "children" and "s"; "don't" also "don" and "t".
  template <typename AddFn>
  static void AddApostropheParts(const Word& w, AddFn& add) {
    size_t apostrophe = w.folded.find('\'');
    if (apostrophe == std::string::npos) return;
    size_t begin = 0;
    while (begin <= w.folded.size()) {
      size_t stop = w.folded.find('\'', begin);
      if (stop == std::string::npos) stop = w.folded.size();
      if (stop > begin) {
        // Offsets: the parts share the word's span (folding may change lengths).
        add(w.folded.substr(begin, stop - begin), w.start, w.end);
      }
      begin = stop + 1;
    }
  }

  std::unique_ptr<icu::BreakIterator> words_;
  std::vector<Word> words_found_;
};

// ---------------------------------------------------------------------------
// The FTS5 side: one XrefFts5Tokenizer per FTS5 table per connection.

// Texts broken into words for snippet() and highlight() are remembered:
// snippet(t, -1, ...) breaks every column of a hit to find sentences, then
// the chosen column again to copy it out, so a two-column row has its main
// text broken twice per snippet (docs/performance.md, finding 24). The last
// few such texts (FTS5_TOKENIZE_AUX) keep their tokens and a text with the
// same flags and the same bytes is replayed from them. Indexing and query
// parsing are never cached.
constexpr size_t kCachedTexts = 4;
constexpr size_t kMaxCachedTextBytes = 64 * 1024;

thread_local uint64_t segmentations = 0;

struct CachedText {
  bool valid = false;
  int flags = 0;
  uint64_t last_used = 0;
  std::string text;
  std::vector<IndexToken> tokens;
};

struct XrefFts5Tokenizer {
  Segmenter segmenter;
  std::vector<IndexToken> tokens;
  CachedText cache[kCachedTexts];
  uint64_t clock = 0;
  bool busy = false;  // xTokenize re-entered (never seen; handled anyway)
};

int XrefCreate(void*, const char**, int, Fts5Tokenizer** out) {
  auto* t = new (std::nothrow) XrefFts5Tokenizer();
  if (t == nullptr) return SQLITE_NOMEM;
  if (!t->segmenter.ok()) {
    delete t;
    return SQLITE_ERROR;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void XrefDelete(Fts5Tokenizer* p) { delete reinterpret_cast<XrefFts5Tokenizer*>(p); }

// The cached tokens of `text` under `flags`, breaking it into words (and
// taking the least recently used entry) when it is not among them.
const std::vector<IndexToken>& CachedTokens(XrefFts5Tokenizer* t, int flags, std::string_view text,
                                            TokenizeMode mode) {
  CachedText* slot = nullptr;
  for (CachedText& c : t->cache) {
    if (c.valid && c.flags == flags && c.text.size() == text.size() && c.text == text) {
      slot = &c;
      break;
    }
  }
  if (slot == nullptr) {
    slot = &t->cache[0];
    for (CachedText& c : t->cache) {
      if (!c.valid || c.last_used < slot->last_used) slot = &c;
      if (!c.valid) break;
    }
    slot->valid = false;  // until text and tokens agree (bad_alloc on the way)
    ++segmentations;
    t->segmenter.Tokenize(text, mode, &slot->tokens);
    slot->text.assign(text);
    slot->flags = flags;
    slot->valid = true;
  }
  slot->last_used = ++t->clock;
  return slot->tokens;
}

// The texts primed on this thread (PrimedTokens), by their bytes.
thread_local std::unordered_map<std::string_view, const PackedTokens*>* primed = nullptr;

int XrefTokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n,
                 int (*token)(void*, int, const char*, int, int, int)) {
  auto* t = reinterpret_cast<XrefFts5Tokenizer*>(p);
  if (n <= 0) return SQLITE_OK;
  const TokenizeMode mode = (flags & FTS5_TOKENIZE_QUERY) ? TokenizeMode::kQuery : TokenizeMode::kDocument;
  const std::string_view view(text, static_cast<size_t>(n));
  if (primed != nullptr && flags == FTS5_TOKENIZE_DOCUMENT) {
    auto found = primed->find(view);
    if (found != primed->end()) {
      const PackedTokens& packed = *found->second;
      size_t at = 0;
      for (size_t f = 0; f + 3 < packed.fields.size(); f += 4) {
        const uint32_t size = packed.fields[f];
        int rc = token(ctx, packed.fields[f + 3] ? FTS5_TOKEN_COLOCATED : 0, packed.terms.data() + at,
                       static_cast<int>(size), static_cast<int>(packed.fields[f + 1]),
                       static_cast<int>(packed.fields[f + 2]));
        if (rc != SQLITE_OK) return rc;
        at += size;
      }
      return SQLITE_OK;
    }
  }
  // The instance's segmenter, token list and cache are in use until the
  // last callback returns; a call made meanwhile uses its own.
  const bool reentered = t->busy;
  struct Release {
    XrefFts5Tokenizer* t;
    bool reentered;
    ~Release() {
      if (!reentered) t->busy = false;
    }
  } release{t, reentered};
  try {
    std::vector<IndexToken> local;
    const std::vector<IndexToken>* tokens = &local;
    t->busy = true;
    if (reentered) {
      Segmenter spare;
      ++segmentations;
      spare.Tokenize(view, mode, &local);
    } else if ((flags & FTS5_TOKENIZE_AUX) && view.size() <= kMaxCachedTextBytes) {
      tokens = &CachedTokens(t, flags, view, mode);
    } else {
      ++segmentations;
      t->segmenter.Tokenize(view, mode, &t->tokens);
      tokens = &t->tokens;
    }
    for (const IndexToken& tok : *tokens) {
      int rc = token(ctx, tok.colocated ? FTS5_TOKEN_COLOCATED : 0, tok.text.data(),
                     static_cast<int>(tok.text.size()), static_cast<int>(tok.start),
                     static_cast<int>(tok.end));
      if (rc != SQLITE_OK) return rc;
    }
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

}  // namespace

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

std::string FoldWord(std::string_view word) {
  if (IsAscii(word)) {
    std::string out(word);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(err);
  if (U_FAILURE(err)) return std::string(word);
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))), err);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (IsCombiningAccent(c)) continue;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07) c = '\'';
    stripped.append(c);
  }
  icu::UnicodeString folded = nfkc_cf->normalize(stripped, err);
  if (U_FAILURE(err)) return std::string(word);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::vector<IndexToken> TokenizeText(std::string_view text, TokenizeMode mode) {
  thread_local Segmenter segmenter;
  std::vector<IndexToken> out;
  segmenter.Tokenize(text, mode, &out);
  return out;
}

PackedTokens PackDocumentTokens(std::string_view text) {
  thread_local Segmenter segmenter;
  thread_local std::vector<IndexToken> tokens;
  PackedTokens out;
  // Offsets past 32 bits are not replayed (FTS5 takes int offsets anyway).
  if (text.size() > UINT32_MAX) return out;
  segmenter.Tokenize(text, TokenizeMode::kDocument, &tokens);
  size_t bytes = 0;
  for (const IndexToken& t : tokens) bytes += t.text.size();
  out.terms.reserve(bytes);
  out.fields.reserve(4 * tokens.size());
  for (const IndexToken& t : tokens) {
    out.terms += t.text;
    out.fields.insert(out.fields.end(), {static_cast<uint32_t>(t.text.size()), static_cast<uint32_t>(t.start),
                                         static_cast<uint32_t>(t.end), t.colocated ? 1u : 0u});
  }
  return out;
}

PrimedTokens::PrimedTokens() { primed = new std::unordered_map<std::string_view, const PackedTokens*>(); }

PrimedTokens::~PrimedTokens() {
  delete primed;
  primed = nullptr;
}

void PrimedTokens::Add(std::string_view text, const PackedTokens* tokens) {
  if (primed != nullptr && !text.empty()) primed->emplace(text, tokens);
}

uint64_t TokenizerSegmentations() { return segmentations; }

Status RegisterXrefTokenizer(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) {
    return Status::Internal("SQLite", "this SQLite has no FTS5 (full-text search) extension");
  }
  static fts5_tokenizer tokenizer = {XrefCreate, XrefDelete, XrefTokenize};
  if (api->xCreateTokenizer(api, "xref", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
    return Status::Internal("SQLite", "cannot register the xref tokenizer");
  }
  return Status::Ok();
}

}  // namespace xref
