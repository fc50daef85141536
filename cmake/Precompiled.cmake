# Precompiled headers: Qt's headers are parsed once per kind of target instead of once in every source file,
# which is most of the time a source of Ordo takes to compile.
#   ordo_precompile(TARGET KIND)        precompile KIND's headers for TARGET
#   ordo_reuse_precompiled(TARGET FROM) compile TARGET with FROM's precompiled headers (same flags needed)
# The headers are named in angle brackets, so the generated header holds no path of the tree: a clone in
# another directory finds the same precompiled header in ccache, and so every source that uses it.
option(ORDO_PCH "Precompile the Qt headers most sources include (faster builds)" ON)
add_feature_info(PrecompiledHeaders ORDO_PCH "Qt's headers precompiled once per kind of target")

set(ORDO_PCH_QTCORE
    <QByteArray> <QDateTime> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue> <QList> <QMap>
    <QSet> <QString> <QStringList> <QVariant>
    <algorithm> <cstdint> <functional> <memory> <optional> <vector>)
set(ORDO_PCH_QTSQL ${ORDO_PCH_QTCORE} <QSqlDatabase> <QSqlError> <QSqlQuery>)
set(ORDO_PCH_QTTEST ${ORDO_PCH_QTSQL} <QTemporaryDir> <QTest>)
set(ORDO_PCH_QTWIDGETS ${ORDO_PCH_QTSQL}
    <QAbstractTableModel> <QComboBox> <QDialog> <QHeaderView> <QLabel> <QLineEdit> <QPushButton> <QTableView>
    <QVBoxLayout> <QWidget>)
set(ORDO_PCH_QTGUITEST ${ORDO_PCH_QTWIDGETS} <QSignalSpy> <QTemporaryDir> <QTest>)

function(ordo_precompile target kind)
    if(ORDO_PCH)
        target_precompile_headers(${target} PRIVATE ${ORDO_PCH_${kind}})
    endif()
endfunction()

function(ordo_reuse_precompiled target from)
    if(ORDO_PCH)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()

# A target that only carries KIND's precompiled header for others to reuse, compiled with the flags of the
# libraries LINKS (those decide which Qt modules' macros are defined, and so what Qt's headers declare).
function(ordo_add_precompiled name kind)
    if(ORDO_PCH)
        add_library(${name} OBJECT ${PROJECT_SOURCE_DIR}/cmake/PrecompiledOnly.cpp)
        target_link_libraries(${name} PRIVATE ${ARGN})
        ordo_precompile(${name} ${kind})
    endif()
endfunction()
