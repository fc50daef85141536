#include "ImportDialog.h"

#include "Format.h"
#include "OrderBackend.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

enum FileColumn { FileName, FileFormat, FileOrders, FileProblems, FileColumnCount };
enum ResultColumn {
    ResultFile,
    ResultFormat,
    ResultAccepted,
    ResultHeld,
    ResultRejected,
    ResultDuplicates,
    ResultColumnCount
};
constexpr int ProblemRole = Qt::UserRole + 1; // index into the outcome's problems
constexpr int OutcomeRole = Qt::UserRole + 2;

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

ImportDialog::ImportDialog(OrderBackend* backend, const Actor& actor, std::shared_ptr<ImportRunner> runner,
                           QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_actor(actor)
    , m_runner(std::move(runner)) {
    setObjectName(u"importDialog"_s);
    setWindowTitle(tr("Import orders"));
    auto* layout = new QVBoxLayout(this);

    auto* intro =
        new QLabel(tr("Choose the files to import. Each file is checked first; nothing is saved until "
                      "you press Import. A file is taken whole or refused whole."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* fileRow = new QHBoxLayout;
    m_files = new QTableWidget(0, FileColumnCount);
    m_files->setObjectName(u"fileTable"_s);
    m_files->setHorizontalHeaderLabels({tr("File"), tr("Format"), tr("Orders found"), tr("First problems")});
    m_files->verticalHeader()->hide();
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setWordWrap(false);
    m_files->horizontalHeader()->setStretchLastSection(true);
    m_files->verticalHeader()->setDefaultSectionSize(m_files->fontMetrics().height() + 10);
    const QFontMetrics metrics = m_files->fontMetrics();
    m_files->setColumnWidth(FileName, metrics.horizontalAdvance(u"orders-2026-11-02.csv"_s) + 40);
    m_files->setColumnWidth(FileFormat, metrics.horizontalAdvance(u"csv (inventory)"_s) + 30);
    m_files->setColumnWidth(FileOrders, metrics.horizontalAdvance(tr("Orders found")) + 24);
    fileRow->addWidget(m_files, 1);
    auto* fileButtons = new QVBoxLayout;
    m_add = new QPushButton(tr("Add files…"));
    m_add->setObjectName(u"addFilesButton"_s);
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setObjectName(u"removeFilesButton"_s);
    fileButtons->addWidget(m_add);
    fileButtons->addWidget(m_remove);
    fileButtons->addStretch(1);
    fileRow->addLayout(fileButtons);
    layout->addLayout(fileRow, 2);

    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"importProgress"_s);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m files"));
    m_import = new QPushButton(tr("Import"));
    m_import->setObjectName(u"importButton"_s);
    m_import->setDefault(true);
    m_cancelButton = new QPushButton(tr("Stop"));
    m_cancelButton->setObjectName(u"stopImportButton"_s);
    m_cancelButton->setToolTip(tr("Stop after the file being imported"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_import);
    progressRow->addWidget(m_cancelButton);
    layout->addLayout(progressRow);

    m_summary = new QLabel;
    m_summary->setObjectName(u"importSummary"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    m_results = new QTreeWidget;
    m_results->setObjectName(u"resultTree"_s);
    m_results->setColumnCount(ResultColumnCount);
    m_results->setHeaderLabels({tr("File / problem"), tr("Format / where"), tr("Accepted"), tr("Held"),
                                tr("Rejected"), tr("Duplicates")});
    m_results->setAlternatingRowColors(true);
    m_results->setUniformRowHeights(true);
    for (int column = ResultAccepted; column < ResultColumnCount; ++column)
        m_results->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    split->addWidget(m_results);
    m_source = new QPlainTextEdit;
    m_source->setObjectName(u"sourceView"_s);
    m_source->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setPlaceholderText(tr("Click a problem to see where it is."));
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::TypeWriter);
    m_source->setFont(mono);
    split->addWidget(m_source);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &ImportDialog::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &ImportDialog::removeSelected);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_files->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ImportDialog::updateActions);
    connect(m_results, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const QVariant problem = item->data(0, ProblemRole);
        const int outcome = item->data(0, OutcomeRole).toInt();
        if (problem.isValid() && outcome >= 0 && outcome < m_outcomes.size())
            openProblem(m_outcomes.at(outcome).problems.value(problem.toInt()));
    });
    resize(1080, 680);
    updateActions();
}

ImportDialog::~ImportDialog() {
    if (m_cancel)
        *m_cancel = true;
}

void ImportDialog::updateActions() {
    m_add->setEnabled(!m_busy);
    m_remove->setEnabled(!m_busy && !m_files->selectionModel()->selectedRows().isEmpty());
    m_import->setEnabled(!m_busy && !m_paths.isEmpty() && m_actor.may(Permission::CaptureOrders));
    m_cancelButton->setEnabled(m_busy);
    if (!m_actor.may(Permission::CaptureOrders))
        m_import->setToolTip(tr("Your role may not import orders"));
}

void ImportDialog::chooseFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import orders"), {}, tr("Order files (*.csv *.json *.x12 *.edi *.txt);;All files (*)"));
    addFiles(paths);
}

void ImportDialog::addFiles(const QStringList& paths) {
    QPointer<ImportDialog> self(this);
    for (const QString& path : paths) {
        if (m_paths.contains(path))
            continue;
        m_paths.append(path);
        const int row = m_files->rowCount();
        m_files->insertRow(row);
        m_files->setItem(row, FileName, cell(QFileInfo(path).fileName()));
        m_files->item(row, FileName)->setToolTip(path);
        m_files->setItem(row, FileFormat, cell(tr("checking…")));
        m_files->setItem(row, FileOrders, cell(QString()));
        m_files->setItem(row, FileProblems, cell(QString()));
        auto preview = std::make_shared<ImportFilePreview>();
        m_backend->run(
            [runner = m_runner, path, preview](Database& db) { *preview = runner->preview(db, path); },
            [self, preview, path](const QString& error) {
                if (!self)
                    return;
                if (!error.isEmpty()) {
                    preview->path = path;
                    preview->problems = {error};
                }
                self->showPreview(*preview);
            });
    }
    updateActions();
}

void ImportDialog::showPreview(const ImportFilePreview& preview) {
    const int row = int(m_paths.indexOf(preview.path));
    if (row < 0)
        return;
    m_files->item(row, FileFormat)->setText(preview.format.isEmpty() ? tr("not recognised") : preview.format);
    m_files->item(row, FileOrders)->setText(formatCount(preview.orders));
    m_files->item(row, FileOrders)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_files->item(row, FileProblems)
        ->setText(preview.problems.isEmpty() ? tr("none") : preview.problems.join(u"; "_s));
    m_files->item(row, FileProblems)->setToolTip(preview.problems.join(u'\n'));
    if (!preview.problems.isEmpty())
        m_files->item(row, FileProblems)->setForeground(QColor(0x7a, 0x14, 0x14));
    emit previewed(preview.path);
}

void ImportDialog::removeSelected() {
    QList<int> rows;
    for (const QModelIndex& index : m_files->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.rbegin(), rows.rend());
    for (int row : rows) {
        m_paths.removeAt(row);
        m_files->removeRow(row);
    }
    updateActions();
}

void ImportDialog::startImport() {
    if (m_busy || m_paths.isEmpty())
        return;
    m_busy = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_progress->setRange(0, int(m_paths.size()));
    m_progress->setValue(0);
    m_summary->setText(tr("Importing…"));
    updateActions();
    auto outcomes = std::make_shared<QList<ImportFileOutcome>>();
    QPointer<ImportDialog> self(this);
    const auto progress = [self, cancel = m_cancel](int done, int total, const QString& file) {
        QMetaObject::invokeMethod(
            qApp,
            [self, done, total, file] {
                if (!self)
                    return;
                self->m_progress->setRange(0, total);
                self->m_progress->setValue(done);
                if (!file.isEmpty())
                    self->m_summary->setText(tr("Importing %1…").arg(QFileInfo(file).fileName()));
            },
            Qt::QueuedConnection);
        return !*cancel;
    };
    m_backend->run([runner = m_runner, paths = m_paths, actor = m_actor, outcomes,
                    progress](Database& db) { *outcomes = runner->run(db, paths, actor, progress); },
                   [self, outcomes](const QString& error) {
                       if (!self)
                           return;
                       self->m_busy = false;
                       self->m_outcomes = *outcomes;
                       self->showOutcomes();
                       if (!error.isEmpty())
                           self->m_summary->setText(tr("The import stopped: %1").arg(error));
                       self->updateActions();
                       emit self->imported();
                   });
}

void ImportDialog::cancelImport() {
    if (m_cancel)
        *m_cancel = true;
    m_summary->setText(tr("Stopping after this file…"));
}

void ImportDialog::showOutcomes() {
    m_results->clear();
    int accepted = 0, held = 0, rejected = 0, duplicates = 0, refused = 0;
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    for (int i = 0; i < m_outcomes.size(); ++i) {
        const ImportFileOutcome& outcome = m_outcomes.at(i);
        auto* file = new QTreeWidgetItem(
            m_results, {QFileInfo(outcome.path).fileName(),
                        outcome.refused ? tr("%1 — refused").arg(outcome.format) : outcome.format,
                        formatCount(outcome.accepted), formatCount(outcome.held),
                        formatCount(outcome.rejected), formatCount(outcome.duplicates)});
        file->setToolTip(0, outcome.path);
        file->setData(0, OutcomeRole, i);
        for (int column = ResultAccepted; column < ResultColumnCount; ++column)
            file->setTextAlignment(column, right);
        if (outcome.refused)
            file->setForeground(1, QColor(0x7a, 0x14, 0x14));
        for (int p = 0; p < outcome.problems.size(); ++p) {
            const ImportProblem& problem = outcome.problems.at(p);
            QString text = problem.message;
            if (!problem.orderNumber.isEmpty())
                text = tr("%1: %2").arg(problem.orderNumber, problem.message);
            auto* item = new QTreeWidgetItem(file, {text, problem.where});
            item->setData(0, ProblemRole, p);
            item->setData(0, OutcomeRole, i);
            item->setToolTip(0, problem.heldOrderId ? tr("Click to open the held order")
                                                    : tr("Click to see where it is"));
            item->setForeground(0, problem.error ? QColor(0x7a, 0x14, 0x14) : QColor(0x8a, 0x5a, 0x00));
            item->setFirstColumnSpanned(false);
        }
        file->setExpanded(true);
        accepted += outcome.accepted;
        held += outcome.held;
        rejected += outcome.rejected;
        duplicates += outcome.duplicates;
        refused += outcome.refused;
    }
    m_results->resizeColumnToContents(0);
    m_results->setColumnWidth(0, std::min(m_results->columnWidth(0) + 20, 470));
    for (int column = ResultAccepted; column < ResultColumnCount; ++column)
        m_results->setColumnWidth(column, m_results->fontMetrics().horizontalAdvance(tr("Duplicates")) + 24);
    m_results->resizeColumnToContents(1);
    m_summary->setText(tr("%1 accepted (%2 held in Exception), %3 rejected, %4 already there; %5.")
                           .arg(formatCount(accepted), formatCount(held), formatCount(rejected),
                                formatCount(duplicates),
                                refused == 0   ? tr("no file refused")
                                : refused == 1 ? tr("1 file refused")
                                               : tr("%1 files refused").arg(refused)));
}

void ImportDialog::openProblem(const ImportProblem& problem) {
    if (problem.heldOrderId != 0) {
        emit openOrderRequested(problem.heldOrderId);
        return;
    }
    QString path = problem.file;
    for (const ImportFileOutcome& outcome : std::as_const(m_outcomes))
        if (outcome.path == problem.file ||
            QFileInfo(outcome.path).fileName() == QFileInfo(problem.file).fileName())
            path = outcome.path;
    showSource(path, problem.line);
}

void ImportDialog::showSource(const QString& path, int line) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_source->setPlainText(tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return;
    }
    // Enough of the file to show the line in its context, not a whole large file.
    constexpr int context = 200;
    QStringList lines;
    int number = 0;
    const int first = std::max(1, line - context);
    while (!file.atEnd() && number < line + context) {
        const QByteArray bytes = file.readLine();
        ++number;
        if (number >= first)
            lines.append(u"%1  %2"_s.arg(number, 5).arg(
                QString::fromUtf8(bytes).chopped(bytes.endsWith('\n') ? 1 : 0)));
    }
    m_source->setPlainText(lines.join(u'\n'));
    if (line <= 0)
        return;
    const QTextBlock block = m_source->document()->findBlockByNumber(line - first);
    QTextCursor cursor(block);
    cursor.select(QTextCursor::LineUnderCursor);
    m_source->setTextCursor(cursor);
    m_source->centerCursor();
    m_source->horizontalScrollBar()->setValue(
        0); // the line from its start, not scrolled to the selection's end
}

} // namespace ordo::ui
