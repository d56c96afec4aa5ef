// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title OptionsExchange — a minimal options-and-perps exchange whose events the service indexes.
/// @notice It keeps no positions or balances: it only records fills and funding as events, which is all the
///         indexer (src/Data/Indexing) reads. Fixed-point units (all unsigned unless said otherwise):
///         - USD amounts and prices (strike, premium, fee, price, markPrice, indexPrice): 18 decimals (1e18 = 1 USD).
///         - size: units of the underlying, 18 decimals, signed: positive = the trader bought, negative = sold.
///         - premium: USD per unit of the underlying (the option's price), not the total paid.
///         - fee: total USD fee of the fill.
///         - ratePerInterval: decimal fraction per funding interval, 18 decimals, signed (1e14 = 0.01 %).
///         - intervalSeconds: length of the funding interval in seconds (28800 = 8 h).
///         - expiry: Unix seconds (UTC).
///         - underlying and market: ASCII, left-aligned in a bytes32 and zero-padded ("ETH", "ETH-USD").
contract OptionsExchange {
    /// @notice An option fill. isCall false = put. European, cash-settled.
    event OptionTraded(
        address indexed trader,
        bytes32 indexed underlying,
        uint64 expiry,
        uint256 strike,
        bool isCall,
        int256 size,
        uint256 premium,
        uint256 fee,
        uint256 indexPrice
    );

    /// @notice A perpetual fill at `price` USD per unit.
    event PerpTraded(
        address indexed trader,
        bytes32 indexed market,
        int256 size,
        uint256 price,
        uint256 fee,
        uint256 indexPrice
    );

    /// @notice A funding rate settled for `market`.
    event FundingUpdated(
        bytes32 indexed market,
        int256 ratePerInterval,
        uint32 intervalSeconds,
        uint256 markPrice,
        uint256 indexPrice
    );

    function tradeOption(
        bytes32 underlying,
        uint64 expiry,
        uint256 strike,
        bool isCall,
        int256 size,
        uint256 premium,
        uint256 fee,
        uint256 indexPrice
    ) external {
        require(size != 0, "size");
        emit OptionTraded(msg.sender, underlying, expiry, strike, isCall, size, premium, fee, indexPrice);
    }

    function tradePerp(bytes32 market, int256 size, uint256 price, uint256 fee, uint256 indexPrice) external {
        require(size != 0, "size");
        emit PerpTraded(msg.sender, market, size, price, fee, indexPrice);
    }

    function updateFunding(bytes32 market, int256 ratePerInterval, uint32 intervalSeconds, uint256 markPrice, uint256 indexPrice)
        external
    {
        emit FundingUpdated(market, ratePerInterval, intervalSeconds, markPrice, indexPrice);
    }

    /// @notice Several option fills in one transaction (they share its gas), for load generation.
    function tradeOptions(
        bytes32 underlying,
        uint64 expiry,
        uint256 strike,
        bool isCall,
        int256 size,
        uint256 premium,
        uint256 fee,
        uint256 indexPrice,
        uint256 count
    ) external {
        require(size != 0, "size");
        for (uint256 i = 0; i < count; i++) {
            emit OptionTraded(msg.sender, underlying, expiry, strike + i * 1e18, isCall, size, premium, fee, indexPrice);
        }
    }

    /// @notice Test hook: emits a log with `topic0` and `topicCount` topics in total (1 to 3; the others are zero)
    ///         and raw `data`, so a malformed event (wrong topic count, undecodable data) exists on chain.
    function emitRaw(bytes32 topic0, uint8 topicCount, bytes calldata data) external {
        bytes memory d = data;
        uint256 len = d.length;
        if (topicCount == 1) {
            assembly { log1(add(d, 32), len, topic0) }
        } else if (topicCount == 2) {
            assembly { log2(add(d, 32), len, topic0, 0) }
        } else {
            assembly { log3(add(d, 32), len, topic0, 0, 0) }
        }
    }
}
