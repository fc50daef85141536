#pragma once

#include "model/Actor.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace ordo::ui {

class ExceptionsView;
class ImportDialog;
class ImportRunner;
class InventoryView;
class OrderBackend;
class OrdersView;
class RulesService;
class RulesView;

// The console: navigation on the left, the chosen view on the right, search in the toolbar, the database and
// the signed-in user in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct DatabaseInfo {
        QString url;
        QString displayName;
        bool central = false;
    };
    enum class View { Orders, Exceptions, Inventory, Rules }; // Rules: only for users who may edit the rules

    MainWindow(const DatabaseInfo& database, const Actor& actor, QWidget* parent = nullptr);
    ~MainWindow() override;

    void search(const QString& text);
    void showView(View view);
    void refresh();
    // Opens another database (already checked and migrated by the caller).
    void switchDatabase(const DatabaseInfo& database);

    OrdersView* ordersView() const { return m_orders; }
    ExceptionsView* exceptionsView() const { return m_exceptions; }
    InventoryView* inventoryView() const { return m_inventory; }
    RulesView* rulesView() const { return m_rules; }
    OrderBackend* backend() const { return m_backend; }
    // File > Import orders: the dialog, opened (or raised) without blocking the console.
    ImportDialog* openImportDialog();
    void setImportRunner(std::shared_ptr<ImportRunner> runner);
    // Adds the Routing rules view over `service` (the core's by default), for users who may edit the rules.
    void setRulesService(std::shared_ptr<RulesService> service);

    QLineEdit* searchField() const { return m_search; }
    View currentView() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void openDatabase();
    void about();
    void updateDatabaseLabel();
    void restoreSettings();
    void saveSettings() const;

    DatabaseInfo m_database;
    Actor m_actor;
    OrderBackend* m_backend;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    QSplitter* m_splitter = nullptr;
    OrdersView* m_orders = nullptr;
    ExceptionsView* m_exceptions = nullptr;
    InventoryView* m_inventory = nullptr;
    ImportDialog* m_import = nullptr;
    RulesView* m_rules = nullptr;
    std::shared_ptr<ImportRunner> m_importRunner;
    QLineEdit* m_search = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_userLabel = nullptr;
};

} // namespace ordo::ui
