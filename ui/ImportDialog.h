#pragma once

#include "ImportRunner.h"
#include "model/Actor.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace ordo::ui {

class OrderBackend;

// File > Import orders: choose files, see what each holds before importing (format, orders found, first
// problems), import them in the database thread with a progress bar, and read the result per file. A problem
// that concerns a held order opens it; any other shows the file at the line where it is.
class ImportDialog : public QDialog {
    Q_OBJECT

public:
    ImportDialog(OrderBackend* backend, const Actor& actor, std::shared_ptr<ImportRunner> runner,
                 QWidget* parent = nullptr);
    ~ImportDialog() override;

    void addFiles(const QStringList& paths);
    void startImport();
    void cancelImport();
    // What a click on a problem does.
    void openProblem(const ImportProblem& problem);

    QStringList files() const { return m_paths; }
    const QList<ImportFileOutcome>& outcomes() const { return m_outcomes; }
    bool isBusy() const { return m_busy; }
    QTreeWidget* resultTree() const { return m_results; }
    QTableWidget* fileTable() const { return m_files; }

signals:
    void previewed(const QString& path);
    void imported(); // every file was imported (or refused); the console refreshes its views
    void openOrderRequested(qint64 orderId);

private:
    void chooseFiles();
    void removeSelected();
    void showPreview(const ImportFilePreview& preview);
    void showOutcomes();
    void showSource(const QString& path, int line);
    void updateActions();

    OrderBackend* m_backend;
    Actor m_actor;
    std::shared_ptr<ImportRunner> m_runner;
    QStringList m_paths;
    QList<ImportFileOutcome> m_outcomes;
    bool m_busy = false;
    std::shared_ptr<std::atomic_bool> m_cancel;

    QTableWidget* m_files = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_results = nullptr;
    QPlainTextEdit* m_source = nullptr;
};

} // namespace ordo::ui
