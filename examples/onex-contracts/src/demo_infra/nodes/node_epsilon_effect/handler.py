# The node's handler module, where `onex compliance check` looks for one (check 2).
