@echo off
rem Calm Line's hook for Windows softphones that run a program on call events (MicroSIP, Zoiper, ...).
rem
rem   calm-line-hook.cmd EVENT [--id X] [--ref X] [--from X]     EVENT: start end hold resume mark
rem
rem The softphone appends its own values: MicroSIP's cmdCallStart=C:\calm-line\hooks\calm-line-hook.cmd start --from
rem gets the caller id last. It runs Calm Line's bundled command, ..\out\cli\call.js beside this folder
rem with node (or CALM_LINE_NODE), else the installed app ("Calm Line.exe" --call). The data folder is
rem found by the command itself; set CALM_LINE_DATA_DIR only if you moved it. Exit code: the command's
rem (0 taken, 1 refused, 2 bad arguments, 3 Calm Line not running, 4 the call could not start).
setlocal
set "HERE=%~dp0"
if not defined CALM_LINE_NODE set "CALM_LINE_NODE=node"
if "%~1"=="" goto noevent
if defined CALM_LINE_CALL_JS goto calljs
if exist "%HERE%..\out\cli\call.js" goto repo
if exist "%HERE%..\..\Calm Line.exe" goto app
echo calm-line-hook: Calm Line's call command was not found beside %HERE% (set CALM_LINE_CALL_JS) 1>&2
exit /b 3

:calljs
"%CALM_LINE_NODE%" "%CALM_LINE_CALL_JS%" %*
exit /b %ERRORLEVEL%

:repo
"%CALM_LINE_NODE%" "%HERE%..\out\cli\call.js" %*
exit /b %ERRORLEVEL%

:app
"%HERE%..\..\Calm Line.exe" --call %*
exit /b %ERRORLEVEL%

:noevent
echo calm-line-hook: no event given: use start, end, hold, resume or mark 1>&2
exit /b 2
