# syntax=docker/dockerfile:1
# HelpPortal: build and test with the SDK, run on the ASP.NET Core runtime as a non-root user.
#
#   docker build -t helpportal .
#   docker run -p 8080:8080 -v helpportal-data:/data helpportal
#
# See README.md, section "Docker", for the volumes and the configuration.

ARG DOTNET_VERSION=10.0

# ---- build: restore once per change of the project files, then compile everything ----
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src

# Project files first, so the restore layer stays cached while only code changes.
COPY HelpPortal.sln ./
COPY src/Directory.Build.props src/Directory.Packages.props src/
COPY tests/Directory.Build.props tests/Directory.Packages.props tests/
COPY src/HelpPortal.Articles/HelpPortal.Articles.csproj src/HelpPortal.Articles/
COPY src/HelpPortal.Mail/HelpPortal.Mail.csproj src/HelpPortal.Mail/
COPY src/HelpPortal.Feedback/HelpPortal.Feedback.csproj src/HelpPortal.Feedback/
COPY src/HelpPortal.Web/HelpPortal.Web.csproj src/HelpPortal.Web/
COPY tests/HelpPortal.Articles.Tests/HelpPortal.Articles.Tests.csproj tests/HelpPortal.Articles.Tests/
COPY tests/HelpPortal.Feedback.Tests/HelpPortal.Feedback.Tests.csproj tests/HelpPortal.Feedback.Tests/
COPY tests/HelpPortal.Web.Tests/HelpPortal.Web.Tests.csproj tests/HelpPortal.Web.Tests/
RUN dotnet restore src/HelpPortal.Web/HelpPortal.Web.csproj \
 && dotnet restore tests/HelpPortal.Articles.Tests/HelpPortal.Articles.Tests.csproj \
 && dotnet restore tests/HelpPortal.Feedback.Tests/HelpPortal.Feedback.Tests.csproj \
 && dotnet restore tests/HelpPortal.Web.Tests/HelpPortal.Web.Tests.csproj

COPY src/ src/
COPY tests/HelpPortal.Articles.Tests/ tests/HelpPortal.Articles.Tests/
COPY tests/HelpPortal.Feedback.Tests/ tests/HelpPortal.Feedback.Tests/
COPY tests/HelpPortal.Web.Tests/ tests/HelpPortal.Web.Tests/
COPY content/ content/
COPY wwwroot-assets/ wwwroot-assets/

# ---- test: the suites that need no outside servers. The mail-server, PostgreSQL, DNS (NSD) and browser
# suites run in CI (.ci/run), which starts those servers; a container build has none of them. ----
FROM build AS test
RUN dotnet test tests/HelpPortal.Articles.Tests --no-restore \
 && dotnet test tests/HelpPortal.Feedback.Tests --no-restore --filter "FullyQualifiedName!~Postgres" \
 && dotnet test tests/HelpPortal.Web.Tests --no-restore --filter "FullyQualifiedName!~Postgres&FullyQualifiedName!~AgainstNsd" \
 && touch /src/tests-passed

# ---- publish: the site's assets (wwwroot-assets/) end up in wwwroot/ of the output. ReadyToRun for the
# build machine's architecture: precompiled code cuts the cold start (see bench/RESULTS.md). ----
FROM build AS publish
RUN dotnet publish src/HelpPortal.Web/HelpPortal.Web.csproj -c Release -o /app \
    --use-current-runtime --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app

# The image is only built from code whose tests passed: this copy makes the test stage a dependency.
COPY --from=test /src/tests-passed /app/tests-passed

COPY --from=publish /app ./
# The articles are baked in; mount a folder over /app/content to serve other content (it is re-read live).
COPY content/ /app/content/

# The SQLite store (votes, search log, staff accounts, Data Protection keys) lives on a volume,
# owned by the non-root user the aspnet image provides ($APP_UID).
RUN mkdir -p /data && chown "$APP_UID" /data && rm /app/tests-passed
VOLUME /data

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    Content__Path=/app/content \
    Database__Provider=Sqlite \
    Logging__Console__FormatterName=json \
    ConnectionStrings__Portal="Data Source=/data/helpportal.db"
EXPOSE 8080
USER $APP_UID

# No curl in the runtime image: bash's /dev/tcp speaks just enough HTTP to read the status line.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "HelpPortal.Web.dll"]
