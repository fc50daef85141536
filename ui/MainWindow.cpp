#include "MainWindow.h"

#include "Error.h"
#include "ExceptionsView.h"
#include "Format.h"
#include "ImportDialog.h"
#include "ImportRunner.h"
#include "InventoryView.h"
#include "OpenDatabaseDialog.h"
#include "OrderBackend.h"
#include "OrdersView.h"
#include "RulesView.h"
#include "storage/Database.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace ordo::ui {

MainWindow::MainWindow(const DatabaseInfo& database, const Actor& actor, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_actor(actor)
    , m_backend(new OrderBackend(this))
    , m_importRunner(makeChannelImportRunner()) {
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Ordo"));
    setWindowIcon(QIcon(u":/ordo/icons/ordo.svg"_s));
    m_backend->open(m_database.url);

    m_orders = new OrdersView(m_backend, m_actor);
    m_exceptions = new ExceptionsView(m_backend, m_actor);
    m_inventory = new InventoryView(m_backend, m_actor);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_orders);
    m_stack->addWidget(m_exceptions);
    m_stack->addWidget(m_inventory);

    m_navigation = new QListWidget;
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->addItem(new QListWidgetItem(QIcon(u":/ordo/icons/orders.svg"_s), tr("Orders")));
    m_navigation->addItem(new QListWidgetItem(QIcon(u":/ordo/icons/exceptions.svg"_s), tr("Exceptions")));
    m_navigation->addItem(new QListWidgetItem(QIcon(u":/ordo/icons/inventory.svg"_s), tr("Inventory")));
    m_navigation->setCurrentRow(0);
    m_navigation->setMinimumWidth(150);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"navigationSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({180, 1200});
    setCentralWidget(m_splitter);

    createActions();

    m_databaseLabel = new QLabel;
    m_databaseLabel->setObjectName(u"databaseLabel"_s);
    m_userLabel = new QLabel(tr("Signed in as %1 (%2)").arg(m_actor.user, roleName(m_actor.role)));
    m_userLabel->setObjectName(u"userLabel"_s);
    statusBar()->addPermanentWidget(m_databaseLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    updateDatabaseLabel();

    connect(m_orders, &OrdersView::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_exceptions, &ExceptionsView::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_inventory, &InventoryView::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_exceptions, &ExceptionsView::countChanged, this, [this](int count) {
        m_navigation->item(1)->setText(count > 0 ? tr("Exceptions (%1)").arg(formatCount(count))
                                                 : tr("Exceptions"));
    });
    connect(m_exceptions, &ExceptionsView::openOrderRequested, this, [this](qint64 orderId) {
        showView(View::Orders);
        m_orders->openOrder(orderId);
    });
    // An action on an order updates that order's row in each queue; nothing is loaded again.
    connect(m_exceptions, &ExceptionsView::orderChanged, this,
            [this](qint64 orderId) { m_orders->ordersChanged({orderId}); });
    connect(m_orders, &OrdersView::orderChanged, this,
            [this](qint64 orderId) { m_exceptions->ordersChanged({orderId}); });
    connect(m_backend, &OrderBackend::opened, this, [this](const QString& url, const QString& error) {
        if (!error.isEmpty())
            QMessageBox::critical(this, tr("Cannot open the database"),
                                  tr("The console could not open %1:\n%2").arg(url, error));
    });

    QFile styleSheet(u":/ordo/console.qss"_s);
    if (styleSheet.open(QIODevice::ReadOnly))
        setStyleSheet(QString::fromUtf8(styleSheet.readAll()));
    resize(1400, 900);
    setRulesService(makeCoreRulesService());
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::setImportRunner(std::shared_ptr<ImportRunner> runner) {
    m_importRunner = std::move(runner);
}

void MainWindow::setRulesService(std::shared_ptr<RulesService> service) {
    if (m_rules || !service || !m_actor.may(Permission::EditRules))
        return;
    m_rules = new RulesView(m_backend, m_actor, std::move(service));
    m_stack->addWidget(m_rules);
    m_navigation->addItem(new QListWidgetItem(QIcon(u":/ordo/icons/rules.svg"_s), tr("Routing rules")));
    connect(m_rules, &RulesView::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_rules, &RulesView::openOrderRequested, this, [this](qint64 orderId) {
        showView(View::Orders);
        m_orders->openOrder(orderId);
    });
}

ImportDialog* MainWindow::openImportDialog() {
    if (!m_import) {
        m_import = new ImportDialog(m_backend, m_actor, m_importRunner, this);
        connect(m_import, &ImportDialog::imported, this, &MainWindow::refresh);
        connect(m_import, &ImportDialog::openOrderRequested, this, [this](qint64 orderId) {
            showView(View::Orders);
            m_orders->openOrder(orderId);
            activateWindow();
        });
    }
    m_import->show();
    m_import->raise();
    return m_import;
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open database…"), this, &MainWindow::openDatabase);
    open->setShortcut(QKeySequence::Open);
    QAction* importAction = file->addAction(QIcon(u":/ordo/icons/import.svg"_s), tr("&Import orders…"), this,
                                            [this] { openImportDialog(); });
    importAction->setObjectName(u"importAction"_s);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setEnabled(m_actor.may(Permission::CaptureOrders));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* refreshAction =
        view->addAction(QIcon(u":/ordo/icons/refresh.svg"_s), tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    refreshAction->setObjectName(u"refreshAction"_s);
    view->addSeparator();
    QAction* ordersAction = view->addAction(tr("&Orders"), this, [this] { showView(View::Orders); });
    ordersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* exceptionsAction =
        view->addAction(tr("&Exceptions"), this, [this] { showView(View::Exceptions); });
    exceptionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction* inventoryAction = view->addAction(tr("&Inventory"), this, [this] { showView(View::Inventory); });
    inventoryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    inventoryAction->setObjectName(u"inventoryAction"_s);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Ordo"), this, &MainWindow::about)->setMenuRole(QAction::AboutRole);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(refreshAction);
    toolbar->addAction(importAction);
    auto* spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);

    m_search = new QLineEdit;
    m_search->setObjectName(u"searchField"_s);
    m_search->setPlaceholderText(tr("Search orders: number, e-mail, phone, name  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(u":/ordo/icons/search.svg"_s), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(300);
    m_search->setMaximumWidth(440);
    toolbar->addWidget(m_search);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });

    auto* find = new QAction(tr("Search"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
}

void MainWindow::search(const QString& text) {
    if (m_search->text() != text)
        m_search->setText(text);
    showView(View::Orders);
    m_orders->search(text);
}

void MainWindow::showView(View view) {
    m_navigation->setCurrentRow(int(view)); // the rows follow the View enum
}

MainWindow::View MainWindow::currentView() const {
    if (m_stack->currentWidget() == m_inventory)
        return View::Inventory;
    if (m_rules && m_stack->currentWidget() == m_rules)
        return View::Rules;

    return m_stack->currentWidget() == m_exceptions ? View::Exceptions : View::Orders;
}

void MainWindow::refresh() {
    m_orders->refresh();
    m_exceptions->refresh();
    m_inventory->refresh();
    if (m_rules)
        m_rules->refresh();
    statusBar()->showMessage(tr("Refreshed"), 3000);
}

void MainWindow::switchDatabase(const DatabaseInfo& database) {
    m_database = database;
    m_backend->open(database.url);
    updateDatabaseLabel();
    m_orders->reloadAll();
    m_exceptions->refresh();
    m_inventory->refresh();
    if (m_rules)
        m_rules->refresh();
}

void MainWindow::openDatabase() {
    OpenDatabaseDialog dialog(m_database.url, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    DatabaseInfo info;
    try {
        // Opened here first so that migrations run once, with the error shown before anything changes.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const Database database = Database::open(dialog.url());
        info = {database.url(), database.displayName(), database.isCentral()};
        QApplication::restoreOverrideCursor();
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        QMessageBox::critical(this, tr("Cannot open the database"), error.message());
        return;
    }
    switchDatabase(info);
}

void MainWindow::about() {
    QMessageBox::about(this, tr("About Ordo"),
                       tr("<h3>Ordo %1</h3><p>Order management for retailers and brands that sell through "
                          "many channels.</p><p>Database: %2</p>")
                           .arg(QStringLiteral(ORDO_VERSION), m_database.displayName.toHtmlEscaped()));
}

void MainWindow::updateDatabaseLabel() {
    m_databaseLabel->setText(m_database.central ? tr("Central server: %1").arg(m_database.displayName)
                                                : tr("Standalone: %1").arg(m_database.displayName));
    m_databaseLabel->setToolTip(m_database.url);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    settings.beginGroup(u"console"_s);
    restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    restoreState(settings.value(u"windowState"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"navigationSplitter"_s).toByteArray());
    m_orders->splitter()->restoreState(settings.value(u"ordersSplitter"_s).toByteArray());
    const int view = settings.value(u"view"_s).toInt();
    showView(view == 1              ? View::Exceptions
             : view == 2            ? View::Inventory
             : view == 3 && m_rules ? View::Rules
                                    : View::Orders);
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.beginGroup(u"console"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"windowState"_s, saveState());
    settings.setValue(u"navigationSplitter"_s, m_splitter->saveState());
    settings.setValue(u"ordersSplitter"_s, m_orders->splitter()->saveState());
    settings.setValue(u"view"_s, int(currentView()));
}

} // namespace ordo::ui
