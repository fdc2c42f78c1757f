# syntax=docker/dockerfile:1
# The control plane's image: the host published in Release on the ASP.NET runtime image, run as a non-root user.
#
#   docker build -t <registry>/controlplane:0.1.0 .
#   docker push <registry>/controlplane:0.1.0
#
# The chart (charts/controlplane) defaults to image controlplane:<appVersion>; see docs/operations.md.

ARG DOTNET_VERSION=10.0

# ---- build ---------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
# Node and npm: the build extracts Envoy's protos from a pinned npm package (protos/README.md). From the distribution's
# packages, nothing fetched by hand.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /source

# Restore first, from the project files only, so the package layer is reused while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ControlPlane.Model/ControlPlane.Model.csproj src/ControlPlane.Model/
COPY src/ControlPlane.Kubernetes/ControlPlane.Kubernetes.csproj src/ControlPlane.Kubernetes/
COPY src/ControlPlane.Envoy.Api/ControlPlane.Envoy.Api.csproj src/ControlPlane.Envoy.Api/
COPY src/ControlPlane.Xds/ControlPlane.Xds.csproj src/ControlPlane.Xds/
COPY src/ControlPlane.Host/ControlPlane.Host.csproj src/ControlPlane.Host/
RUN dotnet restore src/ControlPlane.Host/ControlPlane.Host.csproj

# The pinned npm package next, for the same reason.
COPY protos/package.json protos/package-lock.json protos/
RUN cd protos && npm ci --no-audit --no-fund

COPY protos/ protos/
COPY samples/ samples/
COPY src/ src/
RUN dotnet publish src/ControlPlane.Host/ControlPlane.Host.csproj -c Release --no-restore -o /app \
 && rm -f /app/*.pdb

# ---- runtime -------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
# Read-only root filesystem friendly: nothing is written outside /tmp (the chart mounts an emptyDir there).
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    TMPDIR=/tmp
# The image's non-root "app" user, by number so runAsNonRoot can verify it.
USER 1654:1654
# 15010: plaintext gRPC ADS; 15014: /ready, /metrics, /debug/*.
EXPOSE 15010
EXPOSE 15014
ENTRYPOINT ["dotnet", "/app/ControlPlane.Host.dll"]
