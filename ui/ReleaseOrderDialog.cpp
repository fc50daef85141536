#include "ReleaseOrderDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

ReleaseOrderDialog::ReleaseOrderDialog(const QString& orderNumber, const QString& heldFor, QWidget* parent)
    : QDialog(parent)
    , m_note(new QPlainTextEdit) {
    setObjectName(u"releaseOrderDialog"_s);
    setWindowTitle(tr("Release order %1").arg(orderNumber));
    m_note->setPlaceholderText(tr("What was checked or fixed"));
    m_note->setTabChangesFocus(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Release"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    auto* held = new QLabel(tr("Held for: %1").arg(heldFor));
    held->setWordWrap(true);
    layout->addWidget(held);
    layout->addWidget(new QLabel(tr("The order goes back to where it was held and is validated again if it "
                                    "was held before validation.")));
    layout->addWidget(new QLabel(tr("Note:")));
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(480, 260);
}

QString ReleaseOrderDialog::note() const {
    return m_note->toPlainText().trimmed();
}

} // namespace ordo::ui
