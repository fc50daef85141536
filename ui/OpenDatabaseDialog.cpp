#include "OpenDatabaseDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

OpenDatabaseDialog::OpenDatabaseDialog(const QString& currentUrl, QWidget* parent)
    : QDialog(parent)
    , m_url(new QLineEdit(currentUrl)) {
    setObjectName(u"openDatabaseDialog"_s);
    setWindowTitle(tr("Open database"));
    m_url->setPlaceholderText(tr("/path/to/ordo.sqlite or postgresql://user@host:5432/ordo"));
    m_url->setMinimumWidth(420);
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, &OpenDatabaseDialog::browse);

    auto* hint = new QLabel(tr("A file opens a standalone database on this computer. A postgresql:// address "
                               "connects to the central server shared by every console."));
    hint->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_url, 1);
    row->addWidget(browse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, [buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Open)->setEnabled(!text.trimmed().isEmpty());
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Database file or server address:")));
    layout->addLayout(row);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

QString OpenDatabaseDialog::url() const {
    return m_url->text().trimmed();
}

void OpenDatabaseDialog::browse() {
    const QString start =
        m_url->text().startsWith(u"postgres"_s) ? QString() : QFileInfo(m_url->text()).path();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open database"), start,
                                                      tr("Ordo databases (*.sqlite *.db);;All files (*)"));
    if (!file.isEmpty())
        m_url->setText(file);
}

} // namespace ordo::ui
