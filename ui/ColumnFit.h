#pragma once

#include <QStringList>

class QHeaderView;

namespace ordo::ui {

// Column widths computed from the texts they show, in the font and language in use, so that a title or a
// value is never cut ("ositionen" for a German "Positionen" in a column sized for "Lines").

// The width a header section needs for its whole title and the sort indicator, as the header's style draws
// it.
int headerTitleWidth(const QHeaderView* header, int section);
// Sets the section to the widest of its title, `contentWidth` and its present size.
void fitSection(QHeaderView* header, int section, int contentWidth);
// As fitSection, with the width of the widest of `samples` (typical values) plus cell padding in the view's
// font.
void fitSectionToSamples(QHeaderView* header, int section, const QStringList& samples);

} // namespace ordo::ui
