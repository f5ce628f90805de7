// Library Help Bot on Azure: App Service (Linux, Node 20) running this repository, an Azure Bot
// registration with the Web Chat/Direct Line, Microsoft Teams and Twilio SMS channels, and a
// Storage account for the data folder. Secrets are parameters, stored as app settings.
//   az deployment group create -g <group> -f deployment/azure/main.bicep -p @deployment/azure/parameters.example.json

@description('Short lower-case name used for every resource (e.g. riverbend-bot).')
param name string

param location string = resourceGroup().location

@description('Microsoft Entra app registration (single tenant) the bot authenticates as.')
param microsoftAppId string
@secure()
param microsoftAppPassword string
param microsoftAppTenantId string = tenant().tenantId

@description('Direct Line secret of the bot (after the first deployment: Bot > Channels > Direct Line).')
@secure()
param directLineSecret string = ''

@description('Passcode for the built-in staff console at /staff.')
@secure()
param staffPasscode string

@description('Secret for non-reversible patron keys (HMAC of card numbers). 32+ random characters.')
@secure()
param patronKeySecret string

@description('Library configuration file inside the deployed repository.')
param libraryConfig string = 'config/demo-library.yaml'

@description('Twilio account for the SMS channel (leave empty to skip SMS).')
param twilioAccountSid string = ''
@secure()
param twilioAuthToken string = ''
param twilioPhoneNumber string = ''

var appHost = '${name}-app'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(replace('${name}data', '-', ''), 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The bot's SQLite state and demo library system live on this share, mounted at /data.
resource dataShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: 'bot-data'
  properties: { shareQuota: 5 }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  sku: { name: 'B1' }
  kind: 'linux'
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appHost
  location: location
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      webSocketsEnabled: true
      minTlsVersion: '1.2'
      healthCheckPath: '/readyz'
      azureStorageAccounts: {
        data: {
          type: 'AzureFiles'
          accountName: storage.name
          shareName: dataShare.name
          mountPath: '/data'
          accessKey: storage.listKeys().keys[0].value
        }
      }
      appSettings: [
        { name: 'MicrosoftAppId', value: microsoftAppId }
        { name: 'MicrosoftAppPassword', value: microsoftAppPassword }
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
        { name: 'DIRECT_LINE_SECRET', value: directLineSecret }
        { name: 'STAFF_PASSCODE', value: staffPasscode }
        { name: 'PATRON_KEY_SECRET', value: patronKeySecret }
        { name: 'LIBRARY_CONFIG', value: libraryConfig }
        { name: 'DATA_DIR', value: '/data' }
        { name: 'PUBLIC_URL', value: 'https://${appHost}.azurewebsites.net' }
        { name: 'LOG_FORMAT', value: 'json' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'WEBSITE_NODE_DEFAULT_VERSION', value: '~20' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  sku: { name: 'S1' }
  kind: 'azurebot'
  properties: {
    displayName: name
    endpoint: 'https://${appHost}.azurewebsites.net/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
    disableLocalAuth: false
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Library website'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource sms 'Microsoft.BotService/botServices/channels@2022-09-15' = if (!empty(twilioAccountSid)) {
  parent: bot
  name: 'SmsChannel'
  location: 'global'
  properties: {
    channelName: 'SmsChannel'
    properties: {
      accountSID: twilioAccountSid
      authToken: twilioAuthToken
      phone: twilioPhoneNumber
      isEnabled: true
      isValidated: false
    }
  }
}

output botEndpoint string = bot.properties.endpoint
output chatPage string = 'https://${appHost}.azurewebsites.net/'
