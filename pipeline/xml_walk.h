// WalkXmlTree: visit a libxml2 tree in document order without recursion, so
// that a document nested 100,000 deep cannot overflow the stack. Shared by the
// HTML and DOCX extractors.
//
//   WalkXmlTree(root, [](xmlNode* n) { return true; /* visit children */ },
//               [](xmlNode* n) { /* after the children of an entered node */ });
#pragma once

#include <libxml/tree.h>

namespace xref {

// `enter(node)` returns whether to visit the node's children; `leave(node)` is
// called after the children of every node `enter` accepted.
template <typename Enter, typename Leave>
void WalkXmlTree(xmlNode* root, Enter&& enter, Leave&& leave) {
  if (root == nullptr) return;
  xmlNode* node = root;
  while (true) {
    bool entered = enter(node);
    if (entered && node->children != nullptr) {
      node = node->children;
      continue;
    }
    if (entered) leave(node);
    while (node != root && node->next == nullptr) {
      node = node->parent;
      leave(node);
    }
    if (node == root) return;
    node = node->next;
  }
}

}  // namespace xref
